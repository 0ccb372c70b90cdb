package org.supervisionhub.domain.archive;

/** An archive file's id: {@code ARC-} and its inspection's id. */
public record ArchiveFileId(String value) {

    public ArchiveFileId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an id is not blank");
        }
    }

    /** One file per inspection. */
    public static ArchiveFileId ofInspection(org.supervisionhub.domain.inspection.InspectionId inspection) {
        return new ArchiveFileId("ARC-" + inspection.value());
    }

    @Override
    public String toString() {
        return value;
    }
}
