package org.supervisionhub.graph.archive;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.domain.archive.AmendmentStatus;
import org.supervisionhub.domain.archive.BorrowingStatus;
import org.supervisionhub.domain.archive.Consent;
import org.supervisionhub.domain.archive.FileAmendment;
import org.supervisionhub.domain.archive.Loan;
import org.supervisionhub.domain.archive.ReturnCondition;
import org.supervisionhub.graph.archive.Archives.ArchiveAmendment;
import org.supervisionhub.graph.archive.Archives.ArchiveFile;
import org.supervisionhub.graph.archive.Archives.Borrowing;
import org.supervisionhub.graph.store.Guarded;
import org.supervisionhub.graph.store.KeyedRows;
import org.supervisionhub.graph.store.Values;

/**
 * {@code (:ArchiveFile)-[:ARCHIVES]->(:Inspection)}, one per inspection, with {@code (:ArchiveAmendment)-[:CHANGES]->(file)} and
 * {@code (:ArchiveBorrowing)-[:OF]->(file)}. Changes go through a {@code lock*} first, in the caller's transaction.
 */
public class ArchiveRepository {

    /** Every material of the inspection the file takes in, as {@code KIND id}, in a stable order. */
    static final String CONTENTS = "MATCH (i:Inspection {id: $id}) RETURN"
            + " COLLECT { MATCH (n:InspectionNotice {inspectionId: i.id}) RETURN 'NOTICE ' + n.id }"
            + " + COLLECT { MATCH (x:InspectionRecord {inspectionId: i.id}) RETURN 'RECORD ' + x.id }"
            + " + COLLECT { MATCH (e:Evidence {inspectionId: i.id}) RETURN 'EVIDENCE ' + e.id + ' ' + e.sha256 ORDER BY e.id }"
            + " + COLLECT { MATCH (n:NonCooperation {inspectionId: i.id}) RETURN 'NON_COOPERATION ' + n.id ORDER BY n.id }"
            + " + COLLECT { MATCH (r:InspectionResult {inspectionId: i.id}) RETURN 'RESULT ' + r.id }"
            + " + COLLECT { MATCH (o:ResultObjection)-[:AGAINST]->(:InspectionResult {inspectionId: i.id}) RETURN 'OBJECTION ' + o.id ORDER BY o.id }"
            + " + COLLECT { MATCH (f:Referral)-[:FOLLOWS]->(:InspectionResult {inspectionId: i.id}) RETURN 'REFERRAL ' + f.id ORDER BY f.id }"
            + " + COLLECT { MATCH (c:EnforcementCase)-[:FOLLOWS]->(:InspectionResult {inspectionId: i.id}) RETURN 'CASE ' + c.id ORDER BY c.id }"
            + " AS contents";
    static final String CREATE = "MATCH (i:Inspection {id: $p.inspectionId}) CREATE (a:ArchiveFile $p)-[:ARCHIVES]->(i)";
    static final String FILES_OF_INSPECTIONS = "UNWIND $ids AS id MATCH (a:ArchiveFile {inspectionId: id}) RETURN a {.*} AS row";
    static final String FILES_BY_ID = "MATCH (a:ArchiveFile) WHERE a.id IN $ids RETURN a {.*} AS row";
    static final String FILES_OF_DEPARTMENTS = "MATCH (a:ArchiveFile) WHERE a.departmentId IN $departments"
            + " AND ($retainedBefore IS NULL OR a.retainUntil < $retainedBefore) RETURN a {.*} AS row ORDER BY a.archivedAt DESC, a.id LIMIT $limit";

    static final String CREATE_AMENDMENT = "MATCH (a:ArchiveFile {id: $p.fileId}) CREATE (m:ArchiveAmendment $p)-[:CHANGES]->(a)";
    static final String LOCK_AMENDMENT = "MATCH (m:ArchiveAmendment {id: $id}) SET m.lock = true REMOVE m.lock RETURN m {.*} AS row";
    /** ARCH-05: decided once; written only over the status the domain's {@code FileAmendment} decided from (see {@link Guarded}). */
    static final String DECIDE_AMENDMENT = "MATCH (m:ArchiveAmendment {id: $id}) WHERE m.status = $from SET m.status = $status, m.approver = $actor,"
            + " m.decidedAt = $at, m.decisionNote = $note";
    static final String AMENDMENTS_OF = "UNWIND $ids AS id MATCH (m:ArchiveAmendment {fileId: id}) RETURN id AS key, m {.*} AS row"
            + " ORDER BY id, m.requestedAt";

    static final String CREATE_BORROWING = "MATCH (a:ArchiveFile {id: $p.fileId}) CREATE (b:ArchiveBorrowing $p)-[:OF]->(a)";
    static final String LOCK_BORROWING = "MATCH (b:ArchiveBorrowing {id: $id}) SET b.lock = true REMOVE b.lock RETURN b {.*} AS row";
    /**
     * A loan's status changes write the state the domain's {@code Loan} decided on, and only over the state it decided from
     * (see {@link Guarded}); a consent only where that consent is not given yet.
     */
    static final String LOAN_GUARD = "MATCH (b:ArchiveBorrowing {id: $id}) WHERE b.status = $from";
    static final String CONSENT_HEAD = LOAN_GUARD + " AND b.headConsentBy IS NULL SET b.headConsentBy = $actor, b.headConsentAt = $at, b.status = $to";
    static final String CONSENT_LEADER = LOAN_GUARD + " AND b.leaderConsentBy IS NULL SET b.leaderConsentBy = $actor, b.leaderConsentAt = $at,"
            + " b.status = $to";
    static final String REFUSE = LOAN_GUARD + " SET b.status = $to, b.refusedBy = $actor, b.refusalReason = $reason";
    static final String RETURNED = LOAN_GUARD + " SET b.status = $to, b.returnedOn = $on, b.condition = $condition,"
            + " b.returnNotes = $notes, b.checkedBy = $actor";
    static final String BORROWINGS_OF = "UNWIND $ids AS id MATCH (b:ArchiveBorrowing {fileId: id}) RETURN id AS key, b {.*} AS row"
            + " ORDER BY id, b.requestedAt";
    /** Loans of the departments' files not back by their due day (the domain's {@code Loan.overdueOn}). */
    static final String OVERDUE_LOANS = "MATCH (b:ArchiveBorrowing {status: 'LENT'}) WHERE b.fileDepartment IN $departments AND b.dueOn < $today"
            + " RETURN b {.*} AS row ORDER BY b.dueOn, b.id";

    private final Neo4jClient client;

    public ArchiveRepository(Neo4jClient client) {
        this.client = client;
    }

    public List<String> contents(String inspectionId) {
        return client.query(CONTENTS).bind(inspectionId).to("id").fetchAs(List.class).mappedBy((t, r) -> Values.strings(r.get("contents")))
                .one().map(l -> (List<String>) l).orElse(List.of());
    }

    public void create(ArchiveFile f) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", f.id());
        p.put("inspectionId", f.inspectionId());
        p.put("uscc", f.uscc());
        p.put("departmentId", f.departmentId());
        p.put("archivedOn", f.archivedOn());
        p.put("retainUntil", f.retainUntil());
        p.put("contents", f.contents());
        p.put("archivedBy", f.archivedBy());
        p.put("archivedAt", f.archivedAt());
        client.query(CREATE).bind(p).to("p").run();
    }

    public Map<String, ArchiveFile> ofInspections(Collection<String> inspectionIds) {
        return KeyedRows.unique(client, FILES_OF_INSPECTIONS, Map.of("ids", List.copyOf(inspectionIds)), ArchiveRepository::file,
                ArchiveFile::inspectionId);
    }

    public Map<String, ArchiveFile> byId(Collection<String> ids) {
        return KeyedRows.unique(client, FILES_BY_ID, Map.of("ids", List.copyOf(ids)), ArchiveRepository::file, ArchiveFile::id);
    }

    /** Files of the departments, newest first; with {@code retainedBefore}, only those whose retention ends before that day. */
    public List<ArchiveFile> ofDepartments(Collection<String> departments, LocalDate retainedBefore, int limit) {
        Map<String, Object> p = new HashMap<>();
        p.put("departments", List.copyOf(departments));
        p.put("retainedBefore", retainedBefore);
        p.put("limit", limit);
        return List.copyOf(KeyedRows.unique(client, FILES_OF_DEPARTMENTS, p, ArchiveRepository::file, ArchiveFile::id).values());
    }

    public void create(ArchiveAmendment m) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", m.id());
        p.put("fileId", m.fileId());
        p.put("content", m.content());
        p.put("reason", m.reason());
        p.put("resultField", m.resultField());
        p.put("resultValue", m.resultValue());
        p.put("status", m.status().name());
        p.put("handler", m.handler());
        p.put("requestedAt", m.requestedAt());
        client.query(CREATE_AMENDMENT).bind(p).to("p").run();
    }

    public Optional<ArchiveAmendment> lockAmendment(String id) {
        return client.query(LOCK_AMENDMENT).bind(id).to("id").fetchAs(ArchiveAmendment.class).mappedBy((t, r) -> amendment(r.get("row"))).one();
    }

    /** Writes the decision the domain made, over the status it decided from; fails if the amendment is no longer in it. */
    public void decideAmendment(AmendmentStatus from, FileAmendment decided, OffsetDateTime at, String note) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", decided.id().value());
        p.put("from", from.name());
        p.put("status", decided.status().name());
        p.put("actor", decided.approver());
        p.put("at", at);
        p.put("note", note);
        Guarded.write(client, DECIDE_AMENDMENT, p, "archive amendment " + decided.id() + " is no longer " + from);
    }

    public Map<String, List<ArchiveAmendment>> amendmentsOf(Collection<String> fileIds) {
        return KeyedRows.grouped(client, AMENDMENTS_OF, Map.of("ids", List.copyOf(fileIds)), ArchiveRepository::amendment);
    }

    /** {@code fileDepartment}: the archiving department, kept on the loan for the overdue list. */
    public void create(Borrowing b, String fileDepartment) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", b.id());
        p.put("fileId", b.fileId());
        p.put("fileDepartment", fileDepartment);
        p.put("borrower", b.borrower());
        p.put("borrowerDepartment", b.borrowerDepartment());
        p.put("purpose", b.purpose());
        p.put("dueOn", b.dueOn());
        p.put("status", b.status().name());
        p.put("requestedBy", b.requestedBy());
        p.put("requestedAt", b.requestedAt());
        client.query(CREATE_BORROWING).bind(p).to("p").run();
    }

    public Optional<Borrowing> lockBorrowing(String id) {
        return client.query(LOCK_BORROWING).bind(id).to("id").fetchAs(Borrowing.class).mappedBy((t, r) -> borrowing(r.get("row"))).one();
    }

    /** Records one consent and the status the domain decided (the second of the two lends the file), over the status it decided from. */
    public void consent(BorrowingStatus from, Loan next, Consent consent, String actor, OffsetDateTime at) {
        Guarded.write(client, consent == Consent.DEPARTMENT_HEAD ? CONSENT_HEAD : CONSENT_LEADER, Map.of("id", next.id().value(), "from", from.name(),
                "to", next.status().name(), "actor", actor, "at", at), "loan " + next.id() + " is no longer " + from + " awaiting " + consent);
    }

    public void refuse(BorrowingStatus from, Loan refused, String actor, String reason) {
        Guarded.write(client, REFUSE, Map.of("id", refused.id().value(), "from", from.name(), "to", refused.status().name(), "actor", actor,
                "reason", reason), "loan " + refused.id() + " is no longer " + from);
    }

    public void returned(BorrowingStatus from, Loan back, String notes, String actor) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", back.id().value());
        p.put("from", from.name());
        p.put("to", back.status().name());
        p.put("on", back.returnedOn());
        p.put("condition", back.condition().name());
        p.put("notes", notes);
        p.put("actor", actor);
        Guarded.write(client, RETURNED, p, "loan " + back.id() + " is no longer " + from);
    }

    public Map<String, List<Borrowing>> borrowingsOf(Collection<String> fileIds) {
        return KeyedRows.grouped(client, BORROWINGS_OF, Map.of("ids", List.copyOf(fileIds)), ArchiveRepository::borrowing);
    }

    public List<Borrowing> overdueLoans(Collection<String> departments, LocalDate today) {
        return List.copyOf(KeyedRows.unique(client, OVERDUE_LOANS, Map.of("departments", List.copyOf(departments), "today", today),
                ArchiveRepository::borrowing, Borrowing::id).values());
    }

    static ArchiveFile file(MapAccessor m) {
        return new ArchiveFile(m.get("id").asString(), m.get("inspectionId").asString(), m.get("uscc").asString(),
                m.get("departmentId").asString(), Values.date(m.get("archivedOn")), Values.date(m.get("retainUntil")),
                Values.strings(m.get("contents")), Values.str(m.get("archivedBy")), Values.dateTime(m.get("archivedAt")));
    }

    static ArchiveAmendment amendment(MapAccessor m) {
        return new ArchiveAmendment(m.get("id").asString(), m.get("fileId").asString(), Values.str(m.get("content")),
                Values.str(m.get("reason")), Values.str(m.get("resultField")), Values.str(m.get("resultValue")),
                AmendmentStatus.valueOf(m.get("status").asString()), Values.str(m.get("handler")), Values.dateTime(m.get("requestedAt")),
                Values.str(m.get("approver")), Values.dateTime(m.get("decidedAt")), Values.str(m.get("decisionNote")));
    }

    static Borrowing borrowing(MapAccessor m) {
        return new Borrowing(m.get("id").asString(), m.get("fileId").asString(), Values.str(m.get("borrower")),
                Values.str(m.get("borrowerDepartment")), Values.str(m.get("purpose")), Values.date(m.get("dueOn")),
                BorrowingStatus.valueOf(m.get("status").asString()), Values.str(m.get("requestedBy")), Values.dateTime(m.get("requestedAt")),
                Values.str(m.get("headConsentBy")), Values.dateTime(m.get("headConsentAt")), Values.str(m.get("leaderConsentBy")),
                Values.dateTime(m.get("leaderConsentAt")), Values.str(m.get("refusedBy")), Values.str(m.get("refusalReason")),
                Values.date(m.get("returnedOn")), m.get("condition").isNull() ? null : ReturnCondition.valueOf(m.get("condition").asString()),
                Values.str(m.get("returnNotes")), Values.str(m.get("checkedBy")));
    }
}
