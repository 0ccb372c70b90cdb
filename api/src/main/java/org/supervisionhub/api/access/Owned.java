package org.supervisionhub.api.access;

/**
 * A source of scoped nested fields that names its owner itself, so that {@link AccessInstrumentation} checks the scope
 * without knowing the types of the capabilities above it.
 */
public interface Owned {

    /** The department (and, for roster entries, the inspector) a scoped field of this record is checked against. */
    AccessRule.Owner accessOwner();
}
