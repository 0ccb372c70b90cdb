package org.supervisionhub.api.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.data.neo4j.core.transaction.Neo4jTransactionManager;
import org.supervisionhub.api.TestClock;
import org.supervisionhub.api.access.Role;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.inspection.EvidenceService;
import org.supervisionhub.api.inspection.ExternalEvidence;
import org.supervisionhub.api.inspection.LifecycleProperties;
import org.supervisionhub.api.retention.RetentionService.Outcome;
import org.supervisionhub.graph.audit.AuditTrail;
import org.supervisionhub.graph.inspection.EvidenceRepository;
import org.supervisionhub.graph.restriction.ReceiptRepository;
import org.supervisionhub.graph.restriction.Restrictions.DecisionKind;
import org.supervisionhub.domain.restriction.RestrictionDomain;
import org.supervisionhub.graph.restriction.Restrictions.Receipt;
import org.supervisionhub.graph.retention.ExportRepository;
import org.supervisionhub.graph.store.EmbeddedNeo4jServer;
import org.supervisionhub.graph.store.GraphMigrations;
import org.supervisionhub.graph.sync.SyncRepository;

/** Retention against the real embedded database: export, digest, delete, anchor, externalise; ARCH-03 refused at start. */
class RetentionServiceTest {

    static final Instant NOW = Instant.parse("2026-12-04T02:00:00Z");
    static final OffsetDateTime OLD = OffsetDateTime.parse("2025-06-01T08:00:00Z");
    static final OffsetDateTime RECENT = OffsetDateTime.parse("2026-11-20T08:00:00Z");

    static Path home;
    static EmbeddedNeo4jServer server;
    static Driver driver;
    static Neo4jClient client;
    static Neo4jTransactionManager transactions;

    Path exportDir;
    TestClock clock;
    ReceiptRepository receipts;
    AuditTrail audit;
    EvidenceRepository evidence;
    ExportRepository exports;

    @BeforeAll
    static void start() throws IOException {
        home = Files.createTempDirectory("hub-retention-test");
        server = EmbeddedNeo4jServer.start(home.resolve("neo4j"), "127.0.0.1", 0, 64, null, "keep_none", 256 * 1024, java.util.Map.of());
        driver = GraphDatabase.driver(server.boltUri(), AuthTokens.none());
        GraphMigrations.apply(driver, null);
        client = Neo4jClient.create(driver);
        transactions = new Neo4jTransactionManager(driver);
    }

    @AfterAll
    static void stop() throws IOException {
        driver.close();
        server.close();
        delete(home);
    }

    @BeforeEach
    void clean() throws IOException {
        driver.executableQuery("MATCH (n) WHERE NOT n:__Neo4jMigration AND NOT n:__Neo4jMigrationsLock DETACH DELETE n").execute();
        exportDir = Files.createTempDirectory(home, "exports");
        clock = new TestClock(NOW, ZoneOffset.UTC);
        receipts = new ReceiptRepository(client);
        audit = new AuditTrail(client, transactions);
        evidence = new EvidenceRepository(client);
        exports = new ExportRepository(client);
    }

    RetentionProperties properties(Period receiptsKeep, Period auditKeep, Period evidenceKeep, int batchSize) {
        return new RetentionProperties(true, "0 30 3 * * *", exportDir, batchSize, Duration.ofMinutes(10), new RetentionProperties.Kind(receiptsKeep),
                new RetentionProperties.Kind(auditKeep), new RetentionProperties.Kind(evidenceKeep));
    }

    RetentionService service(RetentionProperties p) {
        return new RetentionService(p, new LifecycleProperties(3, Map.of()), receipts, audit, evidence, new ExternalEvidence(exportDir), exports,
                clock, transactions);
    }

    void receipt(String id, OffsetDateTime at) {
        receipts.saveAll(List.of(new Receipt(id, at, "partner-1", "client-1", "HRSS-430100", "permit " + id, "ENTERPRISE",
                "91430102MA0000001X", RestrictionDomain.BIDDING_TENDERING, at, false, "digest-" + id, "{\"content\":{}}", at)));
    }

    static String receiptId(OffsetDateTime at, int n) {
        return "RCP-" + at.format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "-" + String.format("%016x", n);
    }

    long count(String label) {
        return driver.executableQuery("MATCH (n:" + label + ") RETURN count(n) AS c").execute().records().get(0).get("c").asLong();
    }

    @Test
    void receiptsOlderThanTheWindowAreExportedWithTheirDecisionsThenDeletedAndTheirDigestKept() throws IOException {
        List<String> old = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = receiptId(OLD.plusMinutes(i), i);
            receipt(id, OLD.plusMinutes(i));
            old.add(id);
        }
        receipts.decide(old.get(1), DecisionKind.APPLIED, "PERMIT-7", "approved", OLD.plusDays(1), "partner-1");
        String recent = receiptId(RECENT, 99);
        receipt(recent, RECENT);
        RetentionService service = service(properties(Period.ofDays(400), null, null, 2));

        List<Outcome> outcomes = service.run(() -> true);

        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.records()).isEqualTo(5);
            assertThat(o.batches()).isEqualTo(3);
        });
        assertThat(receipts.byId(old)).isEmpty();
        assertThat(receipts.byId(List.of(recent))).containsKey(recent);
        assertThat(count("ReceiptDecision")).isZero();
        List<ExportRepository.Export> kept = exports.ofKind(RetentionService.RECEIPTS);
        assertThat(kept).hasSize(3).allSatisfy(x -> assertThat(service.verify(x.file()).valid()).isTrue());
        assertThat(kept.get(0).from().toInstant()).isEqualTo(OLD.toInstant());
        assertThat(kept.stream().mapToLong(ExportRepository.Export::count).sum()).isEqualTo(5);
        // One receipt per line, canonical, with its decisions.
        String lines = gunzip(exportDir.resolve(kept.get(0).file()));
        assertThat(lines.lines()).hasSize(2);
        assertThat(lines).contains("\"id\":\"" + old.get(1) + "\"").contains("\"reference\":\"PERMIT-7\"")
                .contains("\"checkedAt\":\"2025-06-01T08:01:00.000000Z\"");
        // An exported receipt says where it went; one still in the graph or unknown is in no export.
        assertThat(service.whereIs(old.get(3))).hasValueSatisfying(w -> {
            assertThat(w.inFile()).isTrue();
            assertThat(w.export().file()).isEqualTo(kept.get(1).file());
            assertThat(w.export().sha256()).isEqualTo(kept.get(1).sha256());
        });
        assertThat(service.whereIs(recent)).isEmpty();
        assertThat(service.whereIs("not-a-receipt")).isEmpty();
        // The removal is itself audited, naming the file and its digest.
        assertThat(audit.verify().valid()).isTrue();
        assertThat(audit.oldest(10)).extracting(e -> e.argumentsDigest()).containsExactlyElementsOf(kept.stream().map(x -> x.sha256()).toList());
    }

    @Test
    void anExportFileChangedAfterwardsFailsVerification() throws IOException {
        receipt(receiptId(OLD, 1), OLD);
        RetentionService service = service(properties(Period.ofDays(400), null, null, 100));
        service.run(() -> true);
        ExportRepository.Export x = exports.ofKind(RetentionService.RECEIPTS).get(0);
        assertThat(service.verify(x.file())).satisfies(c -> {
            assertThat(c.valid()).isTrue();
            assertThat(c.actualSha256()).isEqualTo(x.sha256());
            assertThat(c.lines()).isEqualTo(1);
        });

        Path file = exportDir.resolve(x.file());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);

        assertThat(service.verify(x.file())).satisfies(c -> {
            assertThat(c.valid()).isFalse();
            assertThat(c.problem()).contains("SHA-256");
        });
        Files.delete(file);
        assertThat(service.verify(x.file()).problem()).contains("missing");
        assertThat(service.verify("receipts/nothing.jsonl.gz").problem()).contains("no export");
    }

    @Test
    void aReRunAfterAnExportWhoseDeleteDidNotCommitExportsTheSameFileAgainAndARunWithNothingOldDoesNothing() throws IOException {
        for (int i = 0; i < 3; i++) {
            receipt(receiptId(OLD.plusSeconds(i), i), OLD.plusSeconds(i));
        }
        // A crash between writing the file and committing the delete: the file is there, no export recorded, receipts kept.
        ExportRepository failing = new ExportRepository(client) {
            @Override
            public Export record(Export x) {
                super.record(x);
                throw new IllegalStateException("crash before commit");
            }
        };
        RetentionService crashing = new RetentionService(properties(Period.ofDays(400), null, null, 100), new LifecycleProperties(3, Map.of()),
                receipts, audit, evidence, new ExternalEvidence(exportDir), failing, clock, transactions);
        assertThatThrownBy(() -> crashing.run(() -> true)).hasMessageContaining("crash before commit");
        assertThat(count("CheckReceipt")).isEqualTo(3);
        assertThat(count("RetentionExport")).isZero();
        List<Path> orphans = files(exportDir.resolve("receipts"));
        assertThat(orphans).hasSize(1);
        byte[] first = Files.readAllBytes(orphans.get(0));

        RetentionService service = service(properties(Period.ofDays(400), null, null, 100));
        assertThat(service.run(() -> true)).singleElement().satisfies(o -> assertThat(o.records()).isEqualTo(3));
        assertThat(files(exportDir.resolve("receipts"))).containsExactlyElementsOf(orphans);
        assertThat(Files.readAllBytes(orphans.get(0))).isEqualTo(first);
        assertThat(exports.ofKind(RetentionService.RECEIPTS)).singleElement().satisfies(x -> assertThat(service.verify(x.file()).valid()).isTrue());
        assertThat(count("CheckReceipt")).isZero();

        assertThat(service.run(() -> true)).singleElement().satisfies(o -> assertThat(o.records()).isZero());
        assertThat(count("RetentionExport")).isEqualTo(1);
    }

    @Test
    void auditVerifiesFromTheAnchorAfterPruningAndStillDetectsTamperingInWhatRemains() {
        for (int i = 0; i < 7; i++) {
            audit.append("officer-" + i, "HRSS-430100", "upsertEnterprise", "d" + i, List.of("SUBJECT-" + (i % 3)), "why", "SUCCESS",
                    OffsetDateTime.parse("2022-01-01T00:00:00Z").plusDays(i));
        }
        for (int i = 0; i < 3; i++) {
            audit.append("officer-" + i, "HRSS-430100", "upsertEnterprise", "r" + i, List.of("SUBJECT-9"), "why", "SUCCESS", RECENT);
        }
        RetentionService service = service(properties(null, Period.ofYears(3), null, 4));

        assertThat(service.run(() -> true)).singleElement().satisfies(o -> assertThat(o.records()).isEqualTo(7));

        AuditTrail.Anchor anchor = audit.anchor();
        assertThat(anchor.seq()).isEqualTo(7);
        assertThat(anchor.export()).isEqualTo("audit/audit-000000000005-000000000007.jsonl.gz");
        assertThat(service.verify(anchor.export())).satisfies(c -> {
            assertThat(c.valid()).isTrue();
            assertThat(c.expectedSha256()).isEqualTo(anchor.sha256());
        });
        assertThat(count("AuditEvent")).isEqualTo(3 + 2);
        // Subjects concerned only by removed events go with them.
        assertThat(count("AuditSubject")).isEqualTo(1 + 2);
        AuditTrail.Verification v = audit.verify();
        assertThat(v.valid()).as(String.valueOf(v)).isTrue();
        assertThat(v.checked()).isEqualTo(5);

        driver.executableQuery("MATCH (e:AuditEvent {seq: 9}) SET e.reason = 'nothing to see'").execute();
        assertThat(audit.verify()).satisfies(t -> {
            assertThat(t.valid()).isFalse();
            assertThat(t.brokenAt()).isEqualTo(9);
        });
        driver.executableQuery("MATCH (e:AuditEvent {seq: 9}) SET e.reason = 'why'").execute();
        assertThat(audit.verify().valid()).isTrue();
        // The first event after the anchor removed too: the link from the anchor breaks.
        driver.executableQuery("MATCH (e:AuditEvent {seq: 8}) DETACH DELETE e").execute();
        assertThat(audit.verify().valid()).isFalse();
    }

    @Test
    void aTamperedAuditBatchIsNeitherExportedNorRemoved() {
        for (int i = 0; i < 4; i++) {
            audit.append("officer", "HRSS-430100", "op", "d" + i, List.of("S"), "why", "SUCCESS", OffsetDateTime.parse("2021-01-01T00:00:00Z"));
        }
        driver.executableQuery("MATCH (e:AuditEvent {seq: 2}) SET e.actor = 'someone else'").execute();
        RetentionService service = service(properties(null, Period.ofYears(3), null, 100));

        assertThat(service.run(() -> true)).singleElement().satisfies(o -> {
            assertThat(o.records()).isZero();
            assertThat(o.problem()).contains("event 2 was modified");
        });
        assertThat(count("AuditEvent")).isEqualTo(4);
        assertThat(count("RetentionExport")).isZero();
    }

    @Test
    void evidenceBytesMoveToAContentAddressedFileAndAreStillDownloadedButNotOnceTheyNoLongerMatch() throws IOException {
        byte[] content = "photo of the seal".getBytes(StandardCharsets.UTF_8);
        String sha = EvidenceService.sha256(content);
        evidence.store(sha, content, "image/jpeg", "HRSS-430100", OffsetDateTime.parse("2021-03-01T00:00:00Z"));
        byte[] kept = "evidence of an inspection still in retention".getBytes(StandardCharsets.UTF_8);
        String keptSha = EvidenceService.sha256(kept);
        evidence.store(keptSha, kept, "application/pdf", "HRSS-430100", OffsetDateTime.parse("2021-03-01T00:00:00Z"));
        driver.executableQuery("""
                CREATE (i:Inspection {id: 'INS-1'}), (:ArchiveFile {id: 'ARC-1', inspectionId: 'INS-1', retainUntil: date('2027-03-01')})
                WITH i MATCH (f:EvidenceFile {sha256: $sha})
                CREATE (x:Evidence {id: 'EVD-1', inspectionId: 'INS-1', sha256: $sha})-[:OF]->(i), (x)-[:CONTENT]->(f)""")
                .withParameters(Map.of("sha", keptSha)).execute();
        RetentionService service = service(properties(null, null, Period.ofYears(5), 100));

        assertThat(service.run(() -> true)).singleElement().satisfies(o -> assertThat(o.records()).isEqualTo(1));

        Path file = exportDir.resolve("evidence/" + sha.substring(0, 2) + "/" + sha);
        assertThat(file).hasBinaryContent(content);
        assertThat(evidence.file(sha, true)).hasValueSatisfying(f -> {
            assertThat(f.content()).isNull();
            assertThat(f.size()).isEqualTo(content.length);
            assertThat(f.external()).isEqualTo("evidence/" + sha.substring(0, 2) + "/" + sha);
        });
        // ARCH-03: the file of an inspection whose archive is still within its retention stays in the graph.
        assertThat(evidence.file(keptSha, true)).hasValueSatisfying(f -> assertThat(f.content()).isEqualTo(kept));

        EvidenceService downloads = new EvidenceService(evidence, null, null, new ExternalEvidence(exportDir), clock, 1 << 20);
        Viewer admin = new Viewer("admin", "c", Set.of(Role.ADMIN), null, null, null, Set::of, Set::of);
        assertThat(downloads.download(sha, admin).content()).isEqualTo(content);

        // A second run finds nothing left to move.
        assertThat(service.run(() -> true)).singleElement().satisfies(o -> assertThat(o.records()).isZero());

        Files.write(file, "something else".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> downloads.download(sha, admin)).isInstanceOf(ExternalEvidence.Mismatch.class)
                .hasMessageContaining("no longer matches its SHA-256");
        Files.delete(file);
        assertThatThrownBy(() -> downloads.download(sha, admin)).isInstanceOf(ExternalEvidence.Mismatch.class).hasMessageContaining("missing");
    }

    @Test
    void auditOrEvidenceKeptLessThanTheArchiveMinimumIsRefusedAtStartNamingArch03() {
        assertThatThrownBy(() -> service(properties(null, Period.ofYears(2), null, 10))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hub.retention.audit.keep=P2Y").hasMessageContaining("ARCH-03");
        assertThatThrownBy(() -> service(properties(null, null, Period.ofDays(1000), 10))).hasMessageContaining("hub.retention.evidence.keep")
                .hasMessageContaining("ARCH-03");
        // Receipts are no archive material: a short window is theirs to choose.
        assertThat(service(properties(Period.ofDays(30), Period.ofYears(3), Period.ofDays(1200), 10))).isNotNull();
    }

    @Test
    void aRunTakesTheLeaseSoOnlyOneReplicaRunsAtATime() {
        receipt(receiptId(OLD, 1), OLD);
        RetentionProperties p = properties(Period.ofDays(400), null, null, 10);
        SyncRepository locks = new SyncRepository(client);
        RetentionSchedule schedule = new RetentionSchedule(p, service(p), locks, clock, transactions);
        OffsetDateTime now = OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC);
        new org.springframework.transaction.support.TransactionTemplate(transactions)
                .executeWithoutResult(s -> locks.lock(RetentionSchedule.LEASE, "other-replica", now, now.plusHours(1)));

        assertThat(schedule.run().outcome()).isEqualTo("BUSY");
        assertThat(count("CheckReceipt")).isEqualTo(1);

        new org.springframework.transaction.support.TransactionTemplate(transactions)
                .executeWithoutResult(s -> locks.unlock(RetentionSchedule.LEASE, "other-replica"));
        assertThat(schedule.run()).satisfies(r -> {
            assertThat(r.outcome()).isEqualTo("DONE");
            assertThat(r.kinds()).singleElement().satisfies(o -> assertThat(o.records()).isEqualTo(1));
        });
        assertThat(count("CheckReceipt")).isZero();
    }

    static String gunzip(Path file) throws IOException {
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
