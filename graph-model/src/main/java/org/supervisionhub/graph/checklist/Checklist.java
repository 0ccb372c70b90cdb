package org.supervisionhub.graph.checklist;

import java.time.OffsetDateTime;
import java.util.List;

/** Value types of the checklist graph. */
public final class Checklist {

    private Checklist() {
    }

    public record Version(String id, String departmentId, String title, String scope, String kind, int edition,
                          String status, OffsetDateTime createdAt, OffsetDateTime publishedAt, String supersedesId) {
        public boolean published() {
            return "PUBLISHED".equals(status);
        }
    }

    /** An item as stored under one version; {@code code} is stable across versions. */
    public record Item(String id, String versionId, int position, String code, String title, String legalBasis,
                       String content, String implementingBody, String targetKind, String itemClass, String ratioCap,
                       List<String> methods, String businessLine) {
    }

    /** Writable fields of an item. */
    public record ItemData(String code, String title, String legalBasis, String content, String implementingBody,
                           String targetKind, String itemClass, String ratioCap, List<String> methods, String businessLine) {
    }
}
