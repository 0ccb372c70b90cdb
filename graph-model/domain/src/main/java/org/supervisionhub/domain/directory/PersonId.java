package org.supervisionhub.domain.directory;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonymous, stable identifier of a natural person: {@code P} followed by 16 base32 characters
 * of HMAC-SHA-256(key, national ID). The national ID is never stored; the same ID under the same
 * key always gives the same pseudonym, so sources can be merged without keeping the ID in clear.
 */
public record PersonId(String value) implements Comparable<PersonId> {

    private static final Pattern FORMAT = Pattern.compile("P[A-Z2-7]{16}");
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    public PersonId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("a person id is 'P' followed by 16 characters A-Z or 2-7");
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    /** Derives the pseudonym of a national identity number under the deployment's secret key. */
    public static PersonId pseudonymise(byte[] key, String nationalId) {
        if (nationalId == null || nationalId.isBlank()) {
            throw new IllegalArgumentException("national id is empty");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(nationalId.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return new PersonId("P" + base32(digest, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Pseudonym from an arbitrary seed string; used by synthetic data, where no national ID exists. */
    public static PersonId fromSeed(String seed) {
        return pseudonymise("synthetic".getBytes(StandardCharsets.UTF_8), seed);
    }

    private static String base32(byte[] bytes, int chars) {
        StringBuilder out = new StringBuilder(chars);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5 && out.length() < chars) {
                out.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
            if (out.length() == chars) {
                break;
            }
        }
        return out.toString();
    }

    @Override
    public int compareTo(PersonId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
