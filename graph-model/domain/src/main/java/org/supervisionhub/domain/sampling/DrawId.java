package org.supervisionhub.domain.sampling;

/** A draw's id: {@code DRW-}, its task's id and {@code -B} with the batch number (DRAW-03). */
public record DrawId(String value) {

    public DrawId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a draw id is not blank");
        }
    }

    public static DrawId of(TaskId task, int batchNo) {
        return new DrawId("DRW-" + task.value() + "-B" + batchNo);
    }

    @Override
    public String toString() {
        return value;
    }
}
