package org.supervisionhub.api.access;

/**
 * The caller may not use a field, argument or record. Reported as UNAUTHENTICATED when the caller
 * sent no token (a token might help), FORBIDDEN otherwise.
 */
public class ForbiddenException extends RuntimeException {

    private final String field;
    private final boolean anonymous;
    private final String rule;

    public ForbiddenException(String field, String message, boolean anonymous) {
        this(field, message, anonymous, null);
    }

    /** @param rule the DOMAIN.md rule id that refuses the caller (e.g. ASSIGN-03), reported as the error's {@code rule} */
    public ForbiddenException(String field, String message, boolean anonymous, String rule) {
        super(message);
        this.field = field;
        this.anonymous = anonymous;
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }

    public boolean anonymous() {
        return anonymous;
    }

    public String code() {
        return anonymous ? "UNAUTHENTICATED" : "FORBIDDEN";
    }
}
