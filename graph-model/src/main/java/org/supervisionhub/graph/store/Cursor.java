package org.supervisionhub.graph.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque keyset cursor: the sort-key values of the last row seen. Keyset (not offset) cursors stay
 * correct while rows are inserted concurrently: a page never repeats or skips a row that existed
 * when the previous page was read.
 */
public record Cursor(List<String> keys) {

    private static final char SEPARATOR = '\u001f';

    public static String encode(String... keys) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(String.valueOf(SEPARATOR), keys).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor made by {@link #encode} with {@code parts} keys; rejects anything else. */
    public static Cursor decode(String cursor, int parts) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException("not a cursor returned by this API");
        }
        List<String> keys = List.of(raw.split(String.valueOf(SEPARATOR), -1));
        if (keys.size() != parts) {
            throw new InvalidCursorException("not a cursor returned by this API for this list");
        }
        return new Cursor(keys);
    }

    /** A cursor that this API did not issue for the list it is used on. */
    public static final class InvalidCursorException extends IllegalArgumentException {
        public InvalidCursorException(String message) {
            super(message);
        }
    }

    public String key(int i) {
        return keys.get(i);
    }

    public long longKey(int i) {
        try {
            return Long.parseLong(keys.get(i));
        } catch (NumberFormatException e) {
            throw new InvalidCursorException("not a cursor returned by this API for this list");
        }
    }
}
