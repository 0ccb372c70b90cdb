package org.supervisionhub.api.restriction;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.errors.Checks;
import org.supervisionhub.api.restriction.RestrictionViews.Answer;
import org.supervisionhub.api.restriction.RestrictionViews.Applied;
import org.supervisionhub.api.restriction.RestrictionViews.AppliedMeasure;
import org.supervisionhub.api.restriction.RestrictionViews.AppliedTrigger;
import org.supervisionhub.api.restriction.RestrictionViews.Content;
import org.supervisionhub.api.restriction.RestrictionViews.Path;
import org.supervisionhub.api.restriction.RestrictionViews.SourceFreshness;
import org.supervisionhub.api.restriction.RestrictionViews.Stored;
import org.supervisionhub.api.restriction.RestrictionViews.Subject;
import org.supervisionhub.domain.directory.PersonId;
import org.supervisionhub.domain.directory.Uscc;
import org.supervisionhub.graph.restriction.RestrictionQuery;
import org.supervisionhub.graph.restriction.Restrictions.Candidate;
import org.supervisionhub.graph.restriction.Restrictions.CheckRequest;
import org.supervisionhub.graph.restriction.Restrictions.CheckRows;
import org.supervisionhub.domain.restriction.RestrictionDomain;
import org.supervisionhub.domain.restriction.Effect;
import org.supervisionhub.graph.restriction.Restrictions.Freshness;
import org.supervisionhub.graph.restriction.Restrictions.Measure;
import org.supervisionhub.domain.restriction.Reach;
import org.supervisionhub.graph.restriction.Restrictions.Receipt;
import org.supervisionhub.graph.restriction.Restrictions.SourceSystem;
import org.supervisionhub.graph.restriction.Restrictions.Trigger;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import org.supervisionhub.api.errors.ErrorCode;

/**
 * Answers restriction questions ({@code docs/specs/restriction-propagation.md}): one statement reads what the
 * graph holds for a batch (a long one in parts, side by side), this class decides which measure applies through which
 * trigger and path, and every answer leaves a receipt. Answers are pure functions of the graph and {@code asOf} (invariant 5).
 */
@Service
public class RestrictionChecker implements DisposableBean {

    /**
     * A validated question: at {@code asOf} (valid time), from the facts recorded by {@code knownAt} (knowledge time; null:
     * the moment the graph is read). Asked again with a receipt's {@code asOf} and {@code knownAt}, it gives that receipt's
     * answer and digest (invariant 5), whatever was recorded since (a credit repair, a link's end, a new listing).
     */
    public record Question(Uscc uscc, PersonId personId, RestrictionDomain domain, String purpose, OffsetDateTime asOf, OffsetDateTime knownAt) {

        public Question(Uscc uscc, PersonId personId, RestrictionDomain domain, String purpose, OffsetDateTime asOf) {
            this(uscc, personId, domain, purpose, asOf, null);
        }

        String subjectKind() {
            return uscc != null ? "ENTERPRISE" : "PERSON";
        }

        String subjectId() {
            return uscc != null ? uscc.value() : personId.value();
        }
    }

    static final List<Reach> PERSON_REACHES = List.of(Reach.LEGAL_REPRESENTATIVE, Reach.KEY_PERSONNEL, Reach.CONTROLLING_SHAREHOLDERS);
    static final int MAX_PURPOSE = 500;
    private static final HexFormat HEX = HexFormat.of();
    /** Canonical JSON: properties sorted, times as ISO-8601 strings (all in UTC before they get here). */
    static final JsonMapper CANONICAL = JsonMapper.builder().enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    /** A batch is read in parts of at least this many questions, at most one part per core. */
    static final int PART_MIN = 250;
    static final int PARTS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /** Reads the parts of long batches after the first (which the request's own thread reads). */
    private final ExecutorService partReads = Executors.newFixedThreadPool(Math.max(1, PARTS - 1), runnable -> {
        Thread t = new Thread(runnable, "restriction-batch-part");
        t.setDaemon(true);
        return t;
    });

    private final RestrictionQuery query;
    private final ReceiptWriter receipts;
    private final RestrictionProperties properties;
    private final Clock clock;
    private final ZoneId zone;
    private final RestrictionMetrics metrics;

    public RestrictionChecker(RestrictionQuery query, ReceiptWriter receipts, RestrictionProperties properties, Clock clock,
                              RestrictionMetrics metrics) {
        this.metrics = metrics;
        this.query = query;
        this.receipts = receipts;
        this.properties = properties;
        this.clock = clock;
        this.zone = clock.getZone();
    }

    /** Validates one question; {@code subjectPath} and {@code purposePath} name its inputs in the request (e.g. {@code requests[3].subject}). */
    public Question question(Checks checks, String subjectPath, String purposePath, String uscc, String personId, RestrictionDomain domain,
                             String purpose, OffsetDateTime asOf, OffsetDateTime now) {
        return question(checks, subjectPath, purposePath, null, uscc, personId, domain, purpose, asOf, null, now);
    }

    /**
     * As above, with knowledge time: {@code knownAt} (named {@code knownAtPath} in errors) defaults to {@code now} and is
     * not after it (what will be recorded later is not known yet).
     */
    public Question question(Checks checks, String subjectPath, String purposePath, String knownAtPath, String uscc, String personId,
                             RestrictionDomain domain, String purpose, OffsetDateTime asOf, OffsetDateTime knownAt, OffsetDateTime now) {
        checks.check(knownAt == null || !knownAt.isAfter(now), knownAtPath, ErrorCode.INVALID_VALUE,
                knownAtPath + ": not after now (" + now + "): facts recorded later are not known yet", null);
        String u = null;
        String p = null;
        if ((uscc == null) == (personId == null)) {
            checks.check(false, subjectPath, ErrorCode.INVALID_VALUE, subjectPath + ": give exactly one of uscc and personId", null);
        } else if (uscc != null) {
            u = checks.uscc(subjectPath + ".uscc", uscc);
        } else {
            p = checks.personId(subjectPath + ".personId", personId);
        }
        checks.require(purposePath, purpose);
        checks.check(purpose == null || purpose.length() <= MAX_PURPOSE, purposePath, ErrorCode.INVALID_VALUE,
                purposePath + ": at most " + MAX_PURPOSE + " characters", null);
        // To the millisecond, as the API's DateTime shows them: a receipt's asOf and knownAt, read back, ask the same question.
        return new Question(u == null ? null : Uscc.of(u), p == null ? null : new PersonId(p), domain, purpose == null ? null : purpose.strip(),
                (asOf == null ? now : asOf).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS),
                (knownAt == null ? now : knownAt).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
    }

    @Override
    public void destroy() {
        partReads.shutdown();
    }

    /** Now, to the millisecond (as the API's DateTime shows times). */
    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    public int maxBatch() {
        return properties.maxBatch();
    }

    /** An answer before it is given: no receipt yet. {@code json} is the content's canonical JSON, {@code digest} its hash. */
    public record Evaluated(Question question, Content content, List<SourceFreshness> freshness, String json, String digest) {
        /** What the answer says, apart from when it was asked: two answers with the same state tell the same. */
        String state() {
            return CANONICAL.writeValueAsString(List.of(content.restrictions(), content.alerts()));
        }
    }

    /** Answers every question, and records one receipt per answer. */
    public List<Answer> check(List<Question> questions, Viewer viewer) {
        return metrics.check(() -> give(evaluate(questions), viewer));
    }

    /**
     * Answers every question; nothing is recorded. A long batch is read in parts side by side, one statement each, as
     * the spec's batch form answers each question independently; its questions share one {@code now}.
     */
    public List<Evaluated> evaluate(List<Question> questions) {
        OffsetDateTime now = now();
        int parts = Math.min(PARTS, questions.size() / PART_MIN);
        if (parts <= 1) {
            return evaluate(questions, now);
        }
        int per = (questions.size() + parts - 1) / parts;
        List<CompletableFuture<List<Evaluated>>> others = new ArrayList<>();
        for (int from = per; from < questions.size(); from += per) {
            List<Question> part = questions.subList(from, Math.min(questions.size(), from + per));
            others.add(CompletableFuture.supplyAsync(() -> evaluate(part, now), partReads));
        }
        List<Evaluated> out = new ArrayList<>(questions.size());
        out.addAll(evaluate(questions.subList(0, per), now));
        try {
            others.forEach(f -> out.addAll(f.join()));
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        return out;
    }

    /** One statement for {@code questions}, then each answer (package-private: the benchmark compares it with parts). */
    List<Evaluated> evaluate(List<Question> questions, OffsetDateTime now) {
        List<CheckRequest> requests = new ArrayList<>(questions.size());
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            requests.add(new CheckRequest(i, q.uscc() == null ? null : q.uscc().value(), q.personId() == null ? null : q.personId().value(), q.domain(), q.asOf(), q.asOf().atZoneSameInstant(zone).toLocalDate(),
                    q.knownAt() == null ? now : q.knownAt()));
        }
        RestrictionQuery.Result result = query.check(requests);
        List<SourceFreshness> freshness = freshness(result.freshness(), now);
        List<Evaluated> out = new ArrayList<>(questions.size());
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            Content content = content(q, result.rows().get(i));
            String json = CANONICAL.writeValueAsString(content);
            out.add(new Evaluated(q, content, freshness, json, sha256(json)));
        }
        return out;
    }

    /** Gives the answers to {@code viewer}: one receipt each, committed (with other checks' receipts) before this returns. */
    public List<Answer> give(List<Evaluated> evaluated, Viewer viewer) {
        List<Answer> answers = new ArrayList<>(evaluated.size());
        List<Receipt> recorded = new ArrayList<>(evaluated.size());
        OffsetDateTime now = now();
        // The stored answer is the canonical JSON of Stored(content, freshness), put together from the parts already
        // written ("content" sorts before "freshness"); a batch shares one freshness list.
        Map<List<SourceFreshness>, String> freshnessJson = new IdentityHashMap<>();
        for (Evaluated e : evaluated) {
            Question q = e.question();
            String stored = "{\"content\":" + e.json() + ",\"freshness\":"
                    + freshnessJson.computeIfAbsent(e.freshness(), CANONICAL::writeValueAsString) + "}";
            String receiptId = receiptId(now);
            answers.add(new Answer(e.content(), e.freshness(), receiptId, e.digest()));
            recorded.add(new Receipt(receiptId, now, viewer.actor(), viewer.client(), viewer.departmentId(), q.purpose(), q.subjectKind(),
                    q.subjectId(), q.domain(), q.asOf(), e.content().restricted(), e.digest(), stored, q.knownAt()));
        }
        receipts.write(recorded);
        return answers;
    }

    /**
     * The receipt's question asked again, with its {@code asOf} and knowledge time (nothing recorded): the answer it
     * gave, digest included (invariant 5), unless something recorded by then was changed in place since.
     */
    public Evaluated replay(Receipt receipt) {
        Question q = new Question("ENTERPRISE".equals(receipt.subjectKind()) ? Uscc.of(receipt.subjectId()) : null,
                "PERSON".equals(receipt.subjectKind()) ? new PersonId(receipt.subjectId()) : null, receipt.domain(), receipt.purpose(),
                receipt.asOf().withOffsetSameInstant(ZoneOffset.UTC), receipt.answeredKnowing().withOffsetSameInstant(ZoneOffset.UTC));
        return evaluate(List.of(q)).get(0);
    }

    /** A receipt's answer as it was given. */
    public Answer stored(Receipt receipt) {
        Stored stored = CANONICAL.readValue(receipt.answer(), Stored.class);
        return new Answer(stored.content(), stored.freshness(), receipt.id(), receipt.digest());
    }

    Content content(Question q, CheckRows rows) {
        Subject subject = new Subject(q.subjectKind(), q.subjectId(), rows.name(), rows.found());
        Map<String, List<Candidate>> byMeasureAndTrigger = new LinkedHashMap<>();
        Map<String, Measure> measureOf = new LinkedHashMap<>();
        for (Measure m : rows.measures()) {
            for (Candidate c : rows.candidates()) {
                if (applies(m, c, q.asOf())) {
                    String key = m.id() + "|" + c.trigger().id();
                    byMeasureAndTrigger.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
                    measureOf.put(key, m);
                }
            }
        }
        List<Applied> restrictions = new ArrayList<>();
        List<Applied> alerts = new ArrayList<>();
        byMeasureAndTrigger.forEach((key, candidates) -> {
            Measure m = measureOf.get(key);
            List<Candidate> paths = distinctPaths(candidates);
            Candidate best = paths.get(0);
            Applied applied = applied(m, best, paths.size() - 1);
            (m.effect() == Effect.ALERT ? alerts : restrictions).add(applied);
        });
        Comparator<Applied> order = Comparator.comparing((Applied a) -> a.effect().ordinal()).thenComparing(Applied::measureId)
                .thenComparing(a -> a.trigger().id());
        restrictions.sort(order);
        alerts.sort(order);
        return new Content(subject, q.domain(), q.asOf(), !restrictions.isEmpty(), List.copyOf(restrictions), List.copyOf(alerts));
    }

    /**
     * Whether measure {@code m} reaches the subject through candidate {@code c} at {@code asOf} (JOINT-01, JOINT-02):
     * same trigger type and reach, within the measure's hops and minimum share, and inside its maximum duration
     * (invariant 3).
     */
    static boolean applies(Measure m, Candidate c, OffsetDateTime asOf) {
        if (m.triggerType() != c.trigger().type() || m.reach() != c.reach()) {
            return false;
        }
        if (m.reach().chains() && c.hops() > m.maxHops()) {
            return false;
        }
        if (m.reach() == Reach.CONTROLLING_SHAREHOLDERS && !atLeast(c.share(), m.minShare())) {
            return false;
        }
        if (m.reach() == Reach.ENTERPRISES_OF_PERSON) {
            List<Reach> via = m.via().isEmpty() ? PERSON_REACHES : m.via();
            if (!via.contains(c.via()) || (c.share() != null && !atLeast(c.share(), m.minShare()))) {
                return false;
            }
        }
        OffsetDateTime end = durationEnd(m, c.trigger());
        return end == null || asOf.isBefore(end);
    }

    private static boolean atLeast(Double share, BigDecimal min) {
        return share != null && min != null && BigDecimal.valueOf(share).compareTo(min) >= 0;
    }

    static OffsetDateTime durationEnd(Measure m, Trigger t) {
        return m.maxDuration() == null ? null : t.activeFrom().plus(Period.parse(m.maxDuration()));
    }

    /** Distinct paths, shortest first, then by their text, so the shown path does not depend on the query's row order. */
    static List<Candidate> distinctPaths(List<Candidate> candidates) {
        Map<String, Candidate> byPath = new java.util.TreeMap<>();
        for (Candidate c : candidates) {
            byPath.putIfAbsent(String.format("%03d|%s|%s", c.hops(), c.nodes(), c.links()), c);
        }
        return List.copyOf(byPath.values());
    }

    static Applied applied(Measure m, Candidate c, int alternatives) {
        Trigger t = c.trigger();
        OffsetDateTime triggerEnd = earliest(t.removedAt(), t.expiresAt());
        OffsetDateTime end = earliest(triggerEnd, durationEnd(m, t));
        return new Applied(m.effect(), m.domain(), m.id(), m.version(),
                new AppliedMeasure(m.id(), m.version(), m.legalBasis(), m.issuingAuthority(), m.reach(), m.maxHops(), m.minShare()),
                new AppliedTrigger(t.id(), t.kind(), t.type(), t.uscc(), t.issuingDepartmentId(), t.issuingDepartment(), t.legalBasis(),
                        t.activeFrom(), triggerEnd, t.source()),
                c.reach(), t.activeFrom(), end, new Path(c.nodes(), c.links()), alternatives);
    }

    private static OffsetDateTime earliest(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    /** Each source's last successful sync; the hub's own records are live. */
    public static List<SourceFreshness> freshness(List<Freshness> synced, OffsetDateTime now) {
        Map<SourceSystem, Freshness> bySource = new EnumMap<>(SourceSystem.class);
        synced.forEach(f -> bySource.put(f.source(), f));
        List<SourceFreshness> out = new ArrayList<>();
        for (SourceSystem s : SourceSystem.values()) {
            if (s == SourceSystem.HUB) {
                out.add(new SourceFreshness(s, now, 0L, "OK"));
                continue;
            }
            Freshness f = bySource.get(s);
            OffsetDateTime last = f == null ? null : f.lastSuccessAt();
            out.add(new SourceFreshness(s, last, last == null ? null : Duration.between(last, now).toSeconds(),
                    f == null || f.state() == null ? "NEVER_SYNCED" : f.state()));
        }
        return out;
    }

    private static final DateTimeFormatter RECEIPT_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    static String receiptId(OffsetDateTime now) {
        return "RCP-" + RECEIPT_TIME.format(now) + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    static String sha256(String text) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
