package org.supervisionhub.api.access;

/** The schema's {@code Role}; a token's {@code roles} claim carries these names. */
public enum Role {
    PUBLIC, OFFICER, INSPECTOR, LEADER, OVERSIGHT, PARTNER, ANALYST, ADMIN
}
