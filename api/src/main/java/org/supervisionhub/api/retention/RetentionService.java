package org.supervisionhub.api.retention;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.supervisionhub.api.inspection.ExternalEvidence;
import org.supervisionhub.api.inspection.LifecycleProperties;
import org.supervisionhub.api.store.DurableFiles;
import org.supervisionhub.graph.audit.AuditEvent;
import org.supervisionhub.graph.audit.AuditTrail;
import org.supervisionhub.graph.inspection.EvidenceRepository;
import org.supervisionhub.graph.inspection.EvidenceRepository.StoredFile;
import org.supervisionhub.graph.restriction.ReceiptRepository;
import org.supervisionhub.graph.restriction.ReceiptRepository.Aged;
import org.supervisionhub.graph.restriction.Restrictions.Decision;
import org.supervisionhub.graph.restriction.Restrictions.Receipt;
import org.supervisionhub.graph.retention.ExportRepository;
import org.supervisionhub.graph.retention.ExportRepository.Export;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Moves what is older than its window out of the graph, batch by batch: each batch is first written to a file in the
 * export directory (JSON Lines, gzip, one record per line in a canonical form, forced to disk), then, in one transaction,
 * the export is recorded ({@code RetentionExport}: file, SHA-256, count, range) and the records deleted. A crash leaves
 * either the records in the graph (and at most a file no export names, rewritten by the next run) or both the export
 * recorded and the records gone. Evidence bytes go to content-addressed files; the node keeps hash and size.
 */
@Service
public class RetentionService {

    private static final Logger log = LoggerFactory.getLogger(RetentionService.class);

    public static final String RECEIPTS = "receipts";
    public static final String AUDIT = "audit";
    public static final String EVIDENCE = "evidence";
    static final String ACTOR = "hub:retention";
    static final JsonMapper CANONICAL = JsonMapper.builder().enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'");
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'");
    private static final DateTimeFormatter RECEIPT_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    /** What one kind's pass did: batches committed, records moved out, and the files written. */
    public record Outcome(String kind, int batches, long records, List<String> files, String problem) {
    }

    /** Where an exported receipt went: the export covering its time, and whether its file (when present) holds it. */
    public record Whereabouts(String receiptId, Export export, boolean inFile) {
    }

    /** An export file checked against the digest the graph keeps. */
    public record FileCheck(String file, boolean valid, String expectedSha256, String actualSha256, long lines, String problem) {
    }

    private final RetentionProperties properties;
    private final int archiveYears;
    private final ReceiptRepository receipts;
    private final AuditTrail audit;
    private final EvidenceRepository evidence;
    private final ExternalEvidence external;
    private final ExportRepository exports;
    private final Clock clock;
    private final TransactionTemplate writes;
    private final TransactionTemplate reads;
    private final Path dir;

    public RetentionService(RetentionProperties properties, LifecycleProperties lifecycle, ReceiptRepository receipts, AuditTrail audit,
                            EvidenceRepository evidence, ExternalEvidence external, ExportRepository exports, Clock clock,
                            PlatformTransactionManager transactions) {
        this.properties = properties;
        this.archiveYears = lifecycle.retentionYears();
        this.receipts = receipts;
        this.audit = audit;
        this.evidence = evidence;
        this.external = external;
        this.exports = exports;
        this.clock = clock;
        this.writes = new TransactionTemplate(transactions);
        this.reads = new TransactionTemplate(transactions);
        this.reads.setReadOnly(true);
        this.dir = properties.exportDir().toAbsolutePath();
        // ARCH-03: audit events and evidence are archive material, kept at least the archive minimum; refused at start.
        requireArchiveMinimum("audit", properties.audit().keep());
        requireArchiveMinimum("evidence", properties.evidence().keep());
    }

    private void requireArchiveMinimum(String kind, Period keep) {
        if (keep == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        if (keep.isNegative() || today.minus(keep).isAfter(today.minusYears(archiveYears))) {
            throw new IllegalStateException("hub.retention." + kind + ".keep=" + keep + " is shorter than the archive minimum of "
                    + archiveYears + " years (ARCH-03: materials are kept at least 3 years, hub.lifecycle.retention-years "
                    + archiveYears + "); use at least P" + archiveYears + "Y");
        }
    }

    /** Every kind with a {@code keep}, in turn; {@code stillOurs} renews the caller's lease after each batch (false: stop). */
    public List<Outcome> run(BooleanSupplier stillOurs) {
        OffsetDateTime now = now();
        List<Outcome> outcomes = new ArrayList<>();
        if (properties.receipts().keep() != null) {
            outcomes.add(exportReceipts(now.minus(properties.receipts().keep()), stillOurs));
        }
        if (properties.audit().keep() != null) {
            outcomes.add(pruneAudit(archiveCutoff(now, properties.audit().keep()), stillOurs));
        }
        if (properties.evidence().keep() != null) {
            outcomes.add(externaliseEvidence(archiveCutoff(now, properties.evidence().keep()), now.toLocalDate(), stillOurs));
        }
        return outcomes;
    }

    /** ARCH-03: never later than the archive minimum, whatever the period (checked at start; leap days aside). */
    private OffsetDateTime archiveCutoff(OffsetDateTime now, Period keep) {
        OffsetDateTime byKeep = now.minus(keep);
        OffsetDateTime minimum = now.minusYears(archiveYears);
        return byKeep.isBefore(minimum) ? byKeep : minimum;
    }

    // ---- receipts

    /** Exports and deletes receipts checked before {@code before}, batch by batch. */
    public Outcome exportReceipts(OffsetDateTime before, BooleanSupplier stillOurs) {
        int batches = 0;
        long records = 0;
        List<String> files = new ArrayList<>();
        while (stillOurs.getAsBoolean()) {
            List<Aged> batch = reads.execute(s -> receipts.checkedBefore(before, properties.batchSize()));
            if (batch.isEmpty()) {
                break;
            }
            Receipt first = batch.get(0).receipt();
            Receipt last = batch.get(batch.size() - 1).receipt();
            String file = RECEIPTS + "/receipts-" + FILE_TIME.format(first.checkedAt().withOffsetSameInstant(ZoneOffset.UTC)) + "-"
                    + first.id() + "-" + batch.size() + ".jsonl.gz";
            List<String> lines = batch.stream().map(RetentionService::line).toList();
            exportThenRemove(RECEIPTS, file, lines, first.checkedAt(), last.checkedAt(), first.id(), last.id(),
                    (written, at) -> receipts.delete(batch.stream().map(a -> a.receipt().id()).toList()),
                    "retainReceipts", "checked before " + stamp(before));
            batches++;
            records += batch.size();
            files.add(file);
        }
        log.info("Retention: {} receipts checked before {} exported in {} files", records, before, batches);
        return new Outcome(RECEIPTS, batches, records, List.copyOf(files), null);
    }

    /** A receipt and its decisions as one canonical JSON line: keys sorted, instants in UTC to the microsecond. */
    static String line(Aged aged) {
        Receipt r = aged.receipt();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("checkedAt", stamp(r.checkedAt()));
        m.put("actor", r.actor());
        m.put("client", r.client());
        m.put("departmentId", r.departmentId());
        m.put("purpose", r.purpose());
        m.put("subjectKind", r.subjectKind());
        m.put("subjectId", r.subjectId());
        m.put("domain", r.domain().name());
        m.put("asOf", stamp(r.asOf()));
        m.put("knownAt", stamp(r.knownAt()));
        m.put("restricted", r.restricted());
        m.put("digest", r.digest());
        m.put("answer", r.answer());
        List<Map<String, Object>> decisions = new ArrayList<>();
        for (Decision d : aged.decisions()) {
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("decision", d.decision().name());
            dm.put("reference", d.reference());
            dm.put("note", d.note());
            dm.put("at", stamp(d.at()));
            dm.put("actor", d.actor());
            decisions.add(dm);
        }
        m.put("decisions", decisions);
        return CANONICAL.writeValueAsString(m);
    }

    /**
     * Where receipt {@code receiptId} went when it left the graph: the receipts export whose range covers the time in its
     * id (and, when that file is in the export directory, whether it holds the receipt). Empty for an id of no export.
     */
    public Optional<Whereabouts> whereIs(String receiptId) {
        OffsetDateTime at = receiptTime(receiptId);
        if (at == null) {
            return Optional.empty();
        }
        List<Export> candidates = reads.execute(s -> exports.covering(RECEIPTS, at, at.plusSeconds(1)));
        Whereabouts fallback = null;
        for (Export x : candidates) {
            Path path = dir.resolve(x.file());
            if (!Files.isRegularFile(path)) {
                fallback = fallback != null ? fallback : new Whereabouts(receiptId, x, false);
                continue;
            }
            String needle = "\"id\":\"" + receiptId + "\"";
            if (readLines(path).stream().anyMatch(l -> l.contains(needle))) {
                return Optional.of(new Whereabouts(receiptId, x, true));
            }
        }
        return Optional.ofNullable(fallback);
    }

    /** The check time a receipt id carries ({@code RCP-yyyyMMddHHmmss-...}, UTC, to the second); null if it carries none. */
    static OffsetDateTime receiptTime(String receiptId) {
        if (receiptId == null || !receiptId.matches("RCP-\\d{14}-.+")) {
            return null;
        }
        try {
            return LocalDateTime.parse(receiptId.substring(4, 18), RECEIPT_TIME).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    // ---- audit

    /**
     * Exports and removes audit events recorded before {@code before}, oldest first, never past the first newer one, and
     * anchors the chain at the last removed event so {@link AuditTrail#verify()} starts there. A batch whose chain does
     * not verify is neither exported nor removed: tampering stays in the graph to be seen.
     */
    public Outcome pruneAudit(OffsetDateTime before, BooleanSupplier stillOurs) {
        int batches = 0;
        long records = 0;
        List<String> files = new ArrayList<>();
        while (stillOurs.getAsBoolean()) {
            AuditTrail.Anchor anchor = reads.execute(s -> audit.anchor());
            List<AuditEvent> oldest = reads.execute(s -> audit.oldest(properties.batchSize()));
            List<AuditEvent> batch = new ArrayList<>();
            for (AuditEvent e : oldest) {
                if (!e.at().isBefore(before)) {
                    break;
                }
                batch.add(e);
            }
            if (batch.isEmpty()) {
                break;
            }
            String problem = chainProblem(batch, anchor.seq(), anchor.hash());
            if (problem != null) {
                log.error("Retention: audit events not exported: {}", problem);
                return new Outcome(AUDIT, batches, records, List.copyOf(files), problem);
            }
            AuditEvent first = batch.get(0);
            AuditEvent last = batch.get(batch.size() - 1);
            String file = AUDIT + "/audit-" + String.format("%012d-%012d", first.seq(), last.seq()) + ".jsonl.gz";
            exportThenRemove(AUDIT, file, batch.stream().map(RetentionService::line).toList(), first.at(), last.at(),
                    Long.toString(first.seq()), Long.toString(last.seq()), (written, at) -> audit.prune(batch, file, written.sha256(), at),
                    "retainAuditEvents", "recorded before " + stamp(before));
            batches++;
            records += batch.size();
            files.add(file);
        }
        log.info("Retention: {} audit events recorded before {} exported in {} files", records, before, batches);
        return new Outcome(AUDIT, batches, records, List.copyOf(files), null);
    }

    static String line(AuditEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.seq());
        m.put("at", stamp(e.at()));
        m.put("actor", e.actor());
        m.put("department", e.department());
        m.put("operation", e.operation());
        m.put("argumentsDigest", e.argumentsDigest());
        m.put("affectedIds", e.affectedIds());
        m.put("reason", e.reason());
        m.put("outcome", e.outcome());
        m.put("prevHash", e.prevHash());
        m.put("hash", e.hash());
        m.put("requestedIds", e.requestedIds());
        m.put("requestedCount", e.requestedCount());
        return CANONICAL.writeValueAsString(m);
    }

    @SuppressWarnings("unchecked")
    static AuditEvent event(String line) {
        Map<String, Object> m = CANONICAL.readValue(line, Map.class);
        return new AuditEvent(((Number) m.get("seq")).longValue(), OffsetDateTime.parse((String) m.get("at")), (String) m.get("actor"),
                (String) m.get("department"), (String) m.get("operation"), (String) m.get("argumentsDigest"), (List<String>) m.get("affectedIds"),
                (String) m.get("reason"), (String) m.get("outcome"), (String) m.get("prevHash"), (String) m.get("hash"),
                (List<String>) m.get("requestedIds"), m.get("requestedCount") == null ? null : ((Number) m.get("requestedCount")).intValue());
    }

    /** Null when {@code events} continue the chain from ({@code afterSeq}, {@code prevHash}) with every hash intact. */
    static String chainProblem(List<AuditEvent> events, long afterSeq, String prevHash) {
        long expectedSeq = afterSeq + 1;
        String expectedPrev = prevHash;
        for (AuditEvent e : events) {
            if (e.seq() != expectedSeq) {
                return "event " + expectedSeq + " is missing";
            }
            if (!e.prevHash().equals(expectedPrev)) {
                return "event " + e.seq() + " does not link to its predecessor";
            }
            if (!e.hash().equals(e.computeHash())) {
                return "event " + e.seq() + " was modified after it was recorded";
            }
            expectedPrev = e.hash();
            expectedSeq++;
        }
        return null;
    }

    // ---- evidence

    /**
     * Moves the bytes of evidence files stored before {@code before} (and whose inspections' archive retention has ended
     * by {@code today}) to content-addressed files, then drops them from the graph, batch by batch.
     */
    public Outcome externaliseEvidence(OffsetDateTime before, LocalDate today, BooleanSupplier stillOurs) {
        int batches = 0;
        long records = 0;
        while (stillOurs.getAsBoolean()) {
            List<String> shas = reads.execute(s -> evidence.externalisable(before, today, properties.batchSize()));
            if (shas.isEmpty()) {
                break;
            }
            Map<String, String> locations = new LinkedHashMap<>();
            for (String sha : shas) {
                StoredFile file = reads.execute(s -> evidence.file(sha, true)).orElse(null);
                if (file != null && file.content() != null) {
                    locations.put(sha, external.write(sha, file.content()));
                }
            }
            OffsetDateTime at = now();
            long moved = writes.execute(s -> locations.entrySet().stream().filter(e -> evidence.externalise(e.getKey(), e.getValue(), at)).count());
            batches++;
            records += moved;
            if (moved == 0) {
                break;
            }
        }
        log.info("Retention: {} evidence files stored before {} moved to the export directory", records, before);
        return new Outcome(EVIDENCE, batches, records, List.of(), null);
    }

    // ---- export files

    /**
     * Checks an export file in the export directory against the export the graph records: its SHA-256 and its number of
     * lines, and for an audit export that the events in it chain and hash intact.
     */
    public FileCheck verify(String file) {
        Export x = reads.execute(s -> exports.byFile(file)).orElse(null);
        if (x == null) {
            return new FileCheck(file, false, null, null, 0, "no export " + file + " is recorded in the graph");
        }
        Path path = dir.resolve(x.file());
        if (!Files.isRegularFile(path)) {
            return new FileCheck(file, false, x.sha256(), null, 0, "the file is missing from " + dir);
        }
        String actual;
        try {
            actual = DurableFiles.sha256(path);
        } catch (IOException e) {
            return new FileCheck(file, false, x.sha256(), null, 0, "the file cannot be read: " + e.getMessage());
        }
        if (!actual.equals(x.sha256())) {
            return new FileCheck(file, false, x.sha256(), actual, 0, "the file's SHA-256 differs from the one recorded when it was exported");
        }
        List<String> lines = readLines(path);
        if (lines.size() != x.count()) {
            return new FileCheck(file, false, x.sha256(), actual, lines.size(), "the file holds " + lines.size() + " lines, not " + x.count());
        }
        if (AUDIT.equals(x.kind())) {
            List<AuditEvent> events = lines.stream().map(RetentionService::event).toList();
            String problem = chainProblem(events, Long.parseLong(x.firstKey()) - 1, events.get(0).prevHash());
            if (problem != null) {
                return new FileCheck(file, false, x.sha256(), actual, lines.size(), problem);
            }
        }
        return new FileCheck(file, true, x.sha256(), actual, lines.size(), null);
    }

    public List<Export> exports(String kind) {
        return reads.execute(s -> exports.ofKind(kind));
    }

    /**
     * One batch: the file written and forced to disk first; then in one transaction the export recorded, the records
     * removed ({@code remove}) and the removal audited, naming the file and its digest.
     */
    private void exportThenRemove(String kind, String file, List<String> lines, OffsetDateTime from, OffsetDateTime to, String firstKey,
                                  String lastKey, BiConsumer<DurableFiles.Written, OffsetDateTime> remove, String operation, String reason) {
        DurableFiles.Written written = writeLines(file, lines);
        OffsetDateTime at = now();
        Export export = new Export(kind, file, written.sha256(), written.size(), lines.size(), from, to, firstKey, lastKey, at);
        writes.executeWithoutResult(s -> {
            exports.record(export);
            remove.accept(written, at);
            audit.append(ACTOR, null, operation, written.sha256(), List.of(file), reason, "SUCCESS", at);
        });
    }

    private DurableFiles.Written writeLines(String file, List<String> lines) {
        return DurableFiles.write(dir.resolve(file), out -> {
            GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
            Writer writer = new OutputStreamWriter(gzip, StandardCharsets.UTF_8);
            for (String l : lines) {
                writer.write(l);
                writer.write('\n');
            }
            writer.flush();
            gzip.finish();
        });
    }

    private static List<String> readLines(Path path) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(path)), StandardCharsets.UTF_8))) {
            return in.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + path, e);
        }
    }

    static String stamp(OffsetDateTime t) {
        return t == null ? null : INSTANT.format(t.withOffsetSameInstant(ZoneOffset.UTC));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
