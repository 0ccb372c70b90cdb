package org.supervisionhub.api.access;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

import graphql.schema.DataFetchingEnvironment;

/**
 * What access hands to the audit trail: every GraphQL mutation runs together with its audit event, and a write refused
 * before hub code saw it is recorded. Implemented by {@code audit.MutationAudit}; declared here because the audit trail
 * names the {@link Viewer}, so access must not depend on audit.
 */
public interface AccessAudit {

    /** GraphQL context key of the request's {@code X-Hub-Reason} header. */
    String REASON = "hub.reason";

    int MAX_REASON = 500;

    /**
     * The {@code X-Hub-Reason} header: percent-encoded UTF-8 (so Chinese survives HTTP's Latin-1 headers), cut to 500
     * characters. A header that is not valid percent-encoding (a stray {@code %zz}) is kept as sent: a reason is text for
     * the audit trail, and a malformed one must not turn the request into a server error.
     */
    static String reasonFromHeader(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String reason;
        try {
            reason = java.net.URLDecoder.decode(header, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notPercentEncoded) {
            reason = header;
        }
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
    }

    /** Runs a GraphQL mutation field in one transaction with its audit event. */
    Object record(DataFetchingEnvironment env, Viewer viewer, Supplier<Object> mutation);

    /** Records a write refused before any hub code saw its arguments; {@code request} is what is known of it. */
    void refused(Viewer viewer, String operation, Map<String, Object> request, String outcome);
}
