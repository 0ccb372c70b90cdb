package org.supervisionhub.domain;

/**
 * Why the domain refuses a change: what kind of refusal, the part of the change it concerns ({@code subject}, a logical name
 * such as {@code delegation} or {@code id}, which an adapter maps to its own input path), a message for people and the rule
 * (a DOMAIN.md id such as APPR-02, or a named rule) it applies.
 */
public record Violation(Kind kind, String subject, String message, String rule) {

    /** The kinds of refusal; an adapter maps each to its error code of the same name. */
    public enum Kind { REQUIRED, INVALID_VALUE, CONFLICT, IMMUTABLE, ILLEGAL_TRANSITION, NOT_FOUND, RESERVE_EXHAUSTED,
        /** ARCH-04: no change is allowed at all. */ FORBIDDEN_CHANGE,
        /** Two acts that need two people (ARCH-05, ARCH-09). */ SAME_PERSON }

    public Violation {
        java.util.Objects.requireNonNull(kind, "kind");
        java.util.Objects.requireNonNull(subject, "subject");
        java.util.Objects.requireNonNull(message, "message");
    }

    public static Violation illegalTransition(String subject, String message, String rule) {
        return new Violation(Kind.ILLEGAL_TRANSITION, subject, message, rule);
    }
}
