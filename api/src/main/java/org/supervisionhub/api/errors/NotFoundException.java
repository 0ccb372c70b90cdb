package org.supervisionhub.api.errors;

/** A referenced entity does not exist. */
public class NotFoundException extends RuntimeException {

    private final String field;

    public NotFoundException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The same refusal with its field under {@code root}. */
    public NotFoundException under(String root) {
        return new NotFoundException(FieldPaths.under(root, field), getMessage());
    }
}
