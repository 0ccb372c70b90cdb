package org.supervisionhub.domain.directory;

import java.util.Optional;

/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character
 * alphabet (digits and capitals without I, O, S, V, Z); positions 3-8 are the administrative
 * division code; position 18 is a check character over the first 17 with weights 3^(i) mod 31.
 * Using the USCC as the enterprise key is a project convention (DOMAIN.md §1.1).
 */
public record Uscc(String value) implements Comparable<Uscc> {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public Uscc {
        problem(value).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
    }

    /** Parses a code, tolerating surrounding whitespace and lower-case letters. */
    public static Uscc of(String raw) {
        return new Uscc(normalise(raw));
    }

    public static String normalise(String raw) {
        return raw == null ? null : raw.strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** Why {@code value} is not a valid USCC, or empty when it is. */
    public static Optional<String> problem(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of("a USCC is required");
        }
        if (value.length() != 18) {
            return Optional.of("a USCC has 18 characters, got " + value.length());
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                return Optional.of("character '" + value.charAt(i) + "' at position " + (i + 1)
                        + " is not allowed in a USCC (digits and capitals except I, O, S, V, Z)");
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(value.charAt(i))) {
                return Optional.of("positions 3-8 of a USCC are the administrative division code and must be digits");
            }
        }
        char expected = checkCharacter(value.substring(0, 17));
        if (value.charAt(17) != expected) {
            return Optional.of("check character is '" + value.charAt(17) + "' but the first 17 characters require '"
                    + expected + "' (GB 32100-2015)");
        }
        return Optional.empty();
    }

    /** The check character for the first 17 characters of a code. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need 17 characters, got " + first17.length());
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("character '" + first17.charAt(i) + "' is not in the USCC alphabet");
            }
            sum += v * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return ALPHABET.charAt(check);
    }

    /** Six-digit administrative division code (GB/T 2260) of the registering authority. */
    public String divisionCode() {
        return value.substring(2, 8);
    }

    @Override
    public int compareTo(Uscc other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
