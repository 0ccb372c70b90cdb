package org.supervisionhub.api.access;

/** The schema's {@code AccessScope}: how far an allowed role reaches. */
public enum AccessScope {
    ANY, OWN_DEPARTMENT, DEPARTMENT_TREE, JURISDICTION
}
