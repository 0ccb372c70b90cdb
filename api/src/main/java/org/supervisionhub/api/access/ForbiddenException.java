package org.supervisionhub.api.access;

/**
 * The caller may not use a field, argument or record. Reported as UNAUTHENTICATED when the caller
 * sent no token (a token might help), FORBIDDEN otherwise.
 */
public class ForbiddenException extends RuntimeException {

    private final String field;
    private final boolean anonymous;

    public ForbiddenException(String field, String message, boolean anonymous) {
        super(message);
        this.field = field;
        this.anonymous = anonymous;
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
