package org.supervisionhub.api.errors;

/** Field paths of refusals: a service names its input's fields, a transport nests them under its argument. */
public final class FieldPaths {

    private FieldPaths() {
    }

    /**
     * {@code field} under {@code root}: {@code borrower} → {@code input.borrower}; the empty field, a refusal of the
     * input as a whole, becomes {@code root} itself; no field stays none.
     */
    public static String under(String root, String field) {
        if (field == null) {
            return null;
        }
        return field.isEmpty() ? root : root + "." + field;
    }
}
