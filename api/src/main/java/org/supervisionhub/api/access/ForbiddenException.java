package org.supervisionhub.api.access;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.supervisionhub.api.errors.ErrorCode;
import org.supervisionhub.api.errors.FieldPaths;
import org.supervisionhub.api.errors.TypedError;

/**
 * The caller may not use a field, argument or record. Reported as UNAUTHENTICATED when the caller
 * sent no token (a token might help), FORBIDDEN otherwise; with the DOMAIN.md {@code rule} that
 * refuses it where one applies.
 */
public class ForbiddenException extends RuntimeException implements TypedError {

    /** Rule ids at the start of a message: {@code "APPR-02: ..."}, {@code "OBJ-01, OBJ-02: ..."}, {@code "APPR-01..03: ..."}. */
    private static final Pattern LEADING_RULE = Pattern.compile("^([A-Z]+-\\d{2}(?:\\.\\.\\d{2})?(?:, [A-Z]+-\\d{2}(?:\\.\\.\\d{2})?)*):");

    private final String field;
    private final boolean anonymous;
    private final String rule;

    /** @param rule the DOMAIN.md rule id that refuses the caller (e.g. ASSIGN-03), reported as the error's {@code rule} */
    public ForbiddenException(String field, String message, boolean anonymous, String rule) {
        super(message);
        this.field = field;
        this.anonymous = anonymous;
        this.rule = rule;
    }

    /** The rule is read from the start of the message when it begins with rule ids and a colon. */
    public ForbiddenException(String field, String message, boolean anonymous) {
        this(field, message, anonymous, leadingRule(message));
    }

    static String leadingRule(String message) {
        Matcher m = message == null ? null : LEADING_RULE.matcher(message);
        return m != null && m.find() ? m.group(1) : null;
    }

    @Override
    public String field() {
        return field;
    }

    public boolean anonymous() {
        return anonymous;
    }

    /** DOMAIN.md rule id(s), or null. */
    @Override
    public String rule() {
        return rule;
    }

    /** Moves the field under {@code root}, in the message too where it names it ({@code "upsertLink: toUscc 430200 is ..."}). */
    @Override
    public ForbiddenException under(String root) {
        String path = FieldPaths.under(root, field);
        String message = getMessage();
        if (field != null && !field.isEmpty() && message != null) {
            message = message.replaceFirst(Pattern.quote(": " + field + " "), Matcher.quoteReplacement(": " + path + " "));
        }
        return new ForbiddenException(path, message, anonymous, rule);
    }

    @Override
    public ErrorCode code() {
        return anonymous ? ErrorCode.UNAUTHENTICATED : ErrorCode.FORBIDDEN;
    }
}
