package org.supervisionhub.api.graphql;

import org.supervisionhub.api.errors.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/** Writes a refusal made outside GraphQL execution in the GraphQL error shape, with its code and the code's classification. */
public final class JsonErrors {

    private JsonErrors() {
    }

    public static void write(HttpServletResponse response, int status, ErrorCode code, String message) throws IOException {
        write(response, status, code, message, "");
    }

    /** {@code moreExtensions}: further {@code "name":value} pairs, each preceded by a comma. */
    public static void write(HttpServletResponse response, int status, ErrorCode code, String message, String moreExtensions)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/graphql-response+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body(code, message, moreExtensions));
    }

    /** The error document itself. */
    public static String body(ErrorCode code, String message) {
        return body(code, message, "");
    }

    private static String body(ErrorCode code, String message, String moreExtensions) {
        return "{\"errors\":[{\"message\":\"" + escape(message) + "\",\"extensions\":{\"code\":\""
                + code.name() + "\",\"classification\":\"" + code.classification() + "\"" + moreExtensions + "}}]}";
    }

    /** The string's content as a JSON string literal's, without the quotes. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
