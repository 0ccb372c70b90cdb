package org.supervisionhub.graph.publicsite;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Rows of the public site. They carry only what the public access rules admit: no risk class, no complaint, no
 * inspector, no internal actor (PUB-*, NOTICE-03).
 */
public final class PublicSite {

    private PublicSite() {
    }

    /** One page of a list and the number of rows of the whole list. */
    public record Slice<T>(List<T> items, long total) {
    }

    public record Department(String id, String name, String level, String sector, String regionCode, String regionName,
                             String superiorId) {
    }

    /** A result search: every criterion optional; {@code text} is a USCC (exact) or part of the enterprise's name. */
    public record ResultQuery(String text, String departmentId, LocalDate from, LocalDate to, String category) {
    }

    /**
     * A published result; {@code correctedAt} (PUB-12), {@code publicUntil} (PUB-08), {@code underReview} (OBJ-01);
     * {@code jointInspectionId}: the joint inspection (one visit, PLAN-15) it is one department's result of, else null.
     */
    public record Result(String id, String uscc, String enterpriseName, String departmentId, String departmentName, String category,
                         LocalDate endedOn, OffsetDateTime publishedAt, OffsetDateTime correctedAt, LocalDate publicUntil,
                         boolean underReview, String jointInspectionId) {
    }

    public record Penalty(String id, String uscc, String enterpriseName, String departmentId, String departmentName,
                          String decisionNumber, LocalDate decidedOn, String content, OffsetDateTime publishedAt) {
    }

    /** A notice as served to its target, without its contact line: nothing that could name an inspector (NOTICE-03). */
    public record Notice(String id, String uscc, String enterpriseName, String departmentId, String departmentName,
                         OffsetDateTime issuedAt, OffsetDateTime visitAt, List<String> basis, List<String> content,
                         List<String> materials) {
    }

    public record Item(String code, String title, String legalBasis, String content) {
    }

    /** A published checklist edition (CHK-05) and the edition it supersedes. */
    public record Checklist(String id, String title, String scope, String kind, int edition, String departmentId,
                            String departmentName, OffsetDateTime publishedAt, String supersedesId, List<Item> items) {
    }

    public record Task(String id, String title, String method, LocalDate windowStart, LocalDate windowEnd, String status,
                       List<String> items) {
    }

    public record Plan(String id, int year, String title, String departmentId, String departmentName, OffsetDateTime publishedAt,
                       int revision, List<Task> tasks) {
    }

    public record Draw(String id, String taskId, String taskTitle, String departmentId, String departmentName, int batchNo,
                       OffsetDateTime committedAt, OffsetDateTime executedAt, long poolSize) {
    }

    /** A publication for a department's feed: its kind (RESULT, PENALTY, CHECKLIST, PLAN, DRAW), its id and when. */
    public record Publication(String kind, String id, String title, OffsetDateTime at) {
    }
}
