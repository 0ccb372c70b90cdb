package org.supervisionhub.api.sampling;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supervisionhub.api.errors.Checks;
import org.supervisionhub.api.errors.DomainRefusals;
import org.supervisionhub.api.errors.NotFoundException;
import org.supervisionhub.api.sampling.Vdraw1.Candidate;
import org.supervisionhub.api.sampling.Vdraw1.Ranked;
import org.supervisionhub.api.sampling.Vdraw1.Selection;
import org.supervisionhub.api.sampling.Vdraw1.Stratum;
import org.supervisionhub.domain.sampling.TaskRules;
import org.supervisionhub.domain.sampling.InspectionStatus;
import org.supervisionhub.domain.sampling.SamplingDraw;
import org.supervisionhub.domain.sampling.TaskData;
import org.supervisionhub.domain.sampling.TaskData.StratumRatio;
import org.supervisionhub.domain.sampling.TaskId;
import org.supervisionhub.graph.checklist.Checklist.Item;
import org.supervisionhub.graph.checklist.ChecklistRepository;
import org.supervisionhub.graph.organisation.Organisation.Department;
import org.supervisionhub.graph.organisation.OrganisationRepository;
import org.supervisionhub.graph.sampling.AssignmentRepository;
import org.supervisionhub.graph.sampling.DrawRepository;
import org.supervisionhub.graph.sampling.DrawRepository.NewInspection;
import org.supervisionhub.graph.sampling.DrawRepository.Overlap;
import org.supervisionhub.graph.sampling.DrawRepository.PoolChunk;
import org.supervisionhub.graph.sampling.PlanRepository;
import org.supervisionhub.graph.sampling.PoolRepository;
import org.supervisionhub.graph.sampling.PoolRepository.PoolRow;
import org.supervisionhub.graph.sampling.Sampling.Deferral;
import org.supervisionhub.graph.sampling.Sampling.Draw;
import org.supervisionhub.graph.sampling.Sampling.DrawStratum;
import org.supervisionhub.graph.sampling.Sampling.Inspection;
import org.supervisionhub.graph.sampling.Sampling.Plan;
import org.supervisionhub.graph.sampling.Sampling.Task;

/**
 * Draws, per vdraw-1: commit freezes the pool and publishes the commitment; execute selects, once; replacements
 * follow the spec's step 12 (inspectors: {@link AssignmentService}). The domain's {@code SamplingTask} and
 * {@link SamplingDraw} decide (PLAN-06, DRAW-01/02/03/08); {@link Vdraw1} computes. Every state change first
 * takes the draw's (or task's) write lock in the transaction, so concurrent requests serialise and the second sees the
 * first's result.
 */
@Service
public class DrawService {

    static final int CHUNK_LINES = 50_000;
    static final int MAX_ENTROPY = SamplingDraw.MAX_ENTROPY;

    private final PlanRepository plans;
    private final DrawRepository draws;
    private final PoolRepository pools;
    private final AssignmentRepository assignments;
    private final ChecklistRepository checklists;
    private final OrganisationRepository organisation;
    private final SamplingProperties properties;
    private final org.supervisionhub.graph.sampling.JointRepository joint;
    private final JointParts jointParts;
    private final Clock clock;
    private final DrawSecrets secrets;
    private final DrawMetrics metrics;
    private final AssignmentService teams;

    public DrawService(PlanRepository plans, DrawRepository draws, PoolRepository pools, AssignmentRepository assignments, ChecklistRepository checklists,
                       OrganisationRepository organisation, SamplingProperties properties,
                       org.supervisionhub.graph.sampling.JointRepository joint, JointParts jointParts, Clock clock,
                       org.springframework.beans.factory.ObjectProvider<DrawSecrets> secrets, DrawMetrics metrics,
                       AssignmentService teams) {
        this.metrics = metrics;
        this.teams = teams;
        this.secrets = secrets.getIfAvailable(DrawSecrets::secure);
        this.joint = joint;
        this.jointParts = jointParts;
        this.plans = plans;
        this.draws = draws;
        this.pools = pools;
        this.assignments = assignments;
        this.checklists = checklists;
        this.organisation = organisation;
        this.properties = properties;
        this.clock = clock;
    }

    // ---- commit (steps 1 to 6)

    @Transactional
    public Draw commit(String taskId, String actor) {
        Task task = plans.task(taskId).orElseThrow(() -> new NotFoundException("taskId", "no sampling task " + taskId));
        Plan plan = plans.plan(task.planId()).orElseThrow();
        int[] batch = draws.nextBatch(taskId);
        int batchNo = task.aggregate(batch[0] > 1).nextBatch(plan.aggregate(plan.filedWith()), joint.notReady(task.planId(), taskId),
                batch[0], batch[1]).orElseThrow(DomainRefusals.at(AS_TASK));
        List<Candidate> pool = pool(task);
        Map<String, Integer> sizes = new java.util.TreeMap<>(Vdraw1::compareUtf8);
        pool.forEach(c -> sizes.merge(c.stratum(), 1, Integer::sum));
        SamplingDraw committed = SamplingDraw.commit(new TaskId(taskId), batchNo, sizes, ratios(task.data()), Vdraw1::quota)
                .orElseThrow(DomainRefusals.at(AS_TASK));
        List<DrawStratum> strata = committed.strata().stream()
                .map(s -> new DrawStratum(s.label(), s.size(), s.ratio().toPlainString(), s.quota(), null, null)).toList();
        String id = committed.id().value();
        byte[] secret = secrets.secretFor(id);
        // L is built once: hashed for the digest (step 2) and stored, gzipped, as the pool list (step 6).
        List<byte[]> lines = Vdraw1.lines(pool, CHUNK_LINES);
        draws.createDraw(id, taskId, batchNo, Vdraw1.ALGORITHM, Vdraw1.commitment(secret), Vdraw1.poolDigestOfLines(lines), pool.size(),
                StratumDisclosure.disclosed(strata, pool), Vdraw1.hex(secret), gzipped(lines), actor, now());
        metrics.committed();
        return draws.draw(id).orElseThrow();
    }

    /** Regions read per statement: each part of the pool is sorted on another core while the next part is read. */
    static final int POOL_PARTS = 4;

    /** Steps 1 and 2: the task's candidates after every filter, each with its stratum label, in canonical order. */
    List<Candidate> pool(Task task) {
        TaskData d = task.data();
        List<String> regions = pools.regionsGoverned(task.departmentId());
        if (!d.criteria().regionCodes().isEmpty()) {
            Set<String> wanted = new HashSet<>(pools.regionsUnder(d.criteria().regionCodes()));
            regions = regions.stream().filter(wanted::contains).toList();
        }
        // DRAW-12: no more than the yearly cap of inspections per enterprise.
        Set<String> excluded = new HashSet<>(properties.yearlyCap() > 0 ? pools.atYearlyCap(task.year(), properties.yearlyCap()) : Set.of());
        // DRAW-03: each batch draws from the pool that remains.
        excluded.addAll(pools.selectedByTask(task.id()));
        Set<String> complained = d.complaintRule() == null ? Set.of() : pools.complained(
                LocalDate.now(clock).minusDays(d.complaintRule().withinDays()), LocalDate.now(clock), d.complaintRule().minComplaints());
        boolean byClass = "CREDIT_RISK_CLASS".equals(d.strataBy());
        if (d.triggerScope() != null) {
            // TRIG-01, TRIG-03: the enterprises the department's triggers name, within the directed criteria.
            List<PoolRow> rows = pools.candidatesAmong(pools.triggered(task.departmentId(), d.triggerScope().types(), d.triggerScope().from(),
                    d.triggerScope().to()), regions, d.criteria());
            return Vdraw1.canonical(Arrays.asList(candidates(rows, excluded, complained, byClass)));
        }
        // The same statement over parts of the regions, in this transaction; a part is filtered and sorted on the
        // common pool while the database reads the next, and the sorted parts are merged into the canonical order.
        List<java.util.concurrent.CompletableFuture<Candidate[]>> parts = new ArrayList<>();
        int per = Math.max(1, (regions.size() + POOL_PARTS - 1) / POOL_PARTS);
        for (int i = 0; i < regions.size(); i += per) {
            List<PoolRow> rows = pools.candidates(regions.subList(i, Math.min(regions.size(), i + per)), d.criteria());
            parts.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                Candidate[] part = candidates(rows, excluded, complained, byClass);
                Arrays.sort(part, Vdraw1.BY_USCC);
                return part;
            }));
        }
        return Vdraw1.canonicalOfSorted(parts.stream().map(java.util.concurrent.CompletableFuture::join).toList());
    }

    /** Each row not excluded, as a candidate with its stratum label. */
    private static Candidate[] candidates(List<PoolRow> rows, Set<String> excluded, Set<String> complained, boolean byClass) {
        List<Candidate> out = new ArrayList<>(rows.size());
        for (PoolRow r : rows) {
            if (excluded.contains(r.uscc())) {
                continue;
            }
            String stratum = complained.contains(r.uscc()) ? PlanService.COMPLAINTS
                    : !byClass ? PlanService.ALL : r.riskClass() == null ? PlanService.UNCLASSIFIED : r.riskClass();
            out.add(new Candidate(r.uscc(), stratum));
        }
        return out.toArray(Candidate[]::new);
    }

    static Map<String, BigDecimal> ratios(TaskData d) {
        Map<String, BigDecimal> ratios = new HashMap<>();
        for (StratumRatio s : d.strata()) {
            ratios.put(s.label(), new BigDecimal(s.ratio()));
        }
        if (d.complaintRule() != null) {
            ratios.put(PlanService.COMPLAINTS, new BigDecimal(d.complaintRule().ratio()));
        }
        return ratios;
    }

    // ---- execute (steps 7 to 11)

    @Transactional
    public Draw execute(String drawId, String entropy, String actor) {
        SamplingDraw.entropyOf(entropy).orElseThrow(DomainRefusals.asArguments());
        Draw draw = locked(drawId);
        String e = draw.aggregate().execute(entropy).orElseThrow(DomainRefusals.at(AS_DRAW)).entropy();
        Task task = plans.task(draw.taskId()).orElseThrow();
        byte[] seed = Vdraw1.seed(Vdraw1.unhex(draws.secret(drawId)), draw.taskId(), draw.poolDigest(), e);
        // Steps 9 and 10 straight from the stored (and checked) L; only the selected are ordered in full.
        Map<String, Selection> strata = Vdraw1.select(frozenLines(draw), ratiosOf(draw), seed);
        List<Ranked> selected = new ArrayList<>();
        List<Integer> orders = new ArrayList<>();
        strata.values().forEach(s -> {
            for (int i = 0; i < s.quota(); i++) {
                selected.add(s.selected().get(i));
                orders.add(i + 1);
            }
        });
        Map<String, String> inspectedBy = inspectors(task, selected.stream().map(Ranked::id).toList());
        List<NewInspection> rows = new ArrayList<>(selected.size());
        for (int i = 0; i < selected.size(); i++) {
            Ranked r = selected.get(i);
            rows.add(new NewInspection(inspectionId(drawId, r.id()), r.id(), r.stratum(), orders.get(i), Vdraw1.hex(r.rank()),
                    inspectedBy.get(r.id()), null));
        }
        List<String> codes = itemCodes(task);
        List<Overlap> overlaps = draws.overlaps(drawId, task.departmentId(), task.year(),
                rows.stream().map(NewInspection::uscc).toList(), codes);
        draws.createInspections(draw, task.departmentId(), codes, rows, now());
        // PLAN-15: one selection for all; each participant's part of it.
        jointParts.create(task, draw, rows);
        draws.markExecuted(drawId, e, Vdraw1.hex(seed), actor, now());
        lowerLevelInspects(draw, overlaps);
        metrics.executed();
        return draws.draw(drawId).orElseThrow();
    }

    /**
     * The draw with opaque labels and member digests (vdraw-1 Amendment 1). A draw committed before the amendment
     * gets them on first read; digests are deterministic and the first stored opaque order wins.
     */
    public Draw disclosed(Draw draw) {
        if (draw.strata().stream().allMatch(s -> s.opaqueLabel() != null && s.digest() != null)) {
            return draw;
        }
        List<String> labels = draw.strata().stream().map(DrawStratum::label).toList();
        List<String> opaque = StratumDisclosure.opaqueLabels(labels);
        List<String> digests = StratumDisclosure.memberDigests(labels, frozenPool(draw));
        // Its own write transaction: it runs on reads, whose statements go to a cluster's readers.
        writes.executeWithoutResult(status -> draws.fillDisclosure(draw.id(), opaque, digests));
        return draws.draw(draw.id()).orElseThrow();
    }

    private org.springframework.transaction.support.TransactionTemplate writes;

    @org.springframework.beans.factory.annotation.Autowired
    void writeTransactions(org.springframework.transaction.PlatformTransactionManager manager) {
        this.writes = new org.springframework.transaction.support.TransactionTemplate(manager);
    }

    /** Reads the frozen pool back and checks it against the published digest, so a tampered pool never draws. */
    public List<Candidate> frozenPool(Draw draw) {
        return Vdraw1.candidates(frozenLines(draw));
    }

    /** The frozen pool's {@code L} as stored (chunks gunzipped in parallel), checked against the published digest. */
    List<byte[]> frozenLines(Draw draw) {
        List<byte[]> lines = draws.poolChunks(draw.id()).parallelStream().map(DrawService::gunzip).toList();
        if (!Vdraw1.poolDigestOfLines(lines).equals(draw.poolDigest())) {
            throw new IllegalStateException("the stored pool of draw " + draw.id() + " does not match its published digest");
        }
        return lines;
    }

    static Map<String, BigDecimal> ratiosOf(Draw draw) {
        Map<String, BigDecimal> out = new HashMap<>();
        draw.strata().forEach(s -> out.put(s.label(), new BigDecimal(s.ratio())));
        return out;
    }

    /** DRAW-14: a unified draw's inspections go to the department of the dispatch level where the enterprise is. */
    private Map<String, String> inspectors(Task task, List<String> usccs) {
        Map<String, String> out = new HashMap<>();
        if (task.data().dispatched()) {
            Department d = organisation.department(task.departmentId()).orElseThrow();
            out.putAll(assignments.dispatchDepartments(usccs, d.sector(), task.data().dispatchLevel()));
        }
        usccs.forEach(u -> out.putIfAbsent(u, task.departmentId()));
        return out;
    }

    private List<String> itemCodes(Task task) {
        return checklists.itemsById(task.data().itemIds()).values().stream().map(Item::code).distinct().sorted().toList();
    }

    /**
     * DRAW-13 "whoever is lower inspects": where a draw of a department above or below this one has an
     * active inspection of the same enterprise for the same item this year, the superior's inspection
     * defers those items to the lower one; both sides keep the record.
     */
    private void lowerLevelInspects(Draw draw, List<Overlap> overlaps) {
        if (overlaps.isEmpty()) {
            return;
        }
        List<Deferral> deferrals = new ArrayList<>();
        for (Overlap o : overlaps) {
            deferrals.add(deferral(o, inspectionId(draw.id(), o.uscc())));
        }
        draws.defer(deferrals, now());
    }

    /** DRAW-13: of our inspection {@code ours} and the overlapping one, the superior's defers to the lower's. */
    static Deferral deferral(Overlap o, String ours) {
        return o.weAreLower() ? new Deferral(o.otherInspectionId(), ours, o.uscc(), o.sharedItems(), null)
                : new Deferral(ours, o.otherInspectionId(), o.uscc(), o.sharedItems(), null);
    }

    static String inspectionId(String drawId, String uscc) {
        return drawId + "-" + uscc;
    }

    // ---- replacement (step 12, DRAW-02)

    @Transactional
    public Inspection replace(String drawId, String uscc, String reason, String actor) {
        Checks checks = new Checks().require("reason", reason);
        checks.addAll(TaskRules.reasonLength(reason, "reason"));
        checks.throwIfAny();
        Draw draw = locked(drawId);
        SamplingDraw d = draw.aggregate();
        Inspection target = draws.inspections(List.of(inspectionId(drawId, uscc))).get(inspectionId(drawId, uscc));
        List<org.supervisionhub.domain.Violation> refused = d.replaceable(uscc, target != null, target != null && target.status() == InspectionStatus.ACTIVE);
        if (!refused.isEmpty()) {
            throw DomainRefusals.at(AS_DRAW).apply(refused);
        }
        Task task = plans.task(draw.taskId()).orElseThrow();
        byte[] seed = Vdraw1.unhex(draw.seed());
        List<Candidate> stratumPool = frozenPool(draw).stream().filter(c -> c.stratum().equals(target.stratum())).toList();
        Stratum stratum = Vdraw1.draw(stratumPool, ratiosOf(draw), seed).get(target.stratum());
        Set<String> used = new HashSet<>();
        draws.replacements(drawId).forEach(r -> used.add(r.replacement()));
        int index = d.replacement(target.stratum(), stratum.reserve().stream().map(Ranked::id).toList(), used)
                .orElseThrow(DomainRefusals.asArguments());
        Ranked next = stratum.reserve().get(index);
        int position = stratum.quota() + index + 1;
        if (!draws.markReplaced(drawId, uscc, reason.strip(), actor, now())) {
            throw new IllegalStateException(uscc + " in draw " + drawId + " is no longer an active target: the replacement was not written");
        }
        String inspectedBy = inspectors(task, List.of(next.id())).get(next.id());
        NewInspection row = new NewInspection(inspectionId(drawId, next.id()), next.id(), next.stratum(), position,
                Vdraw1.hex(next.rank()), inspectedBy, uscc);
        List<String> codes = itemCodes(task);
        List<Overlap> overlaps = draws.overlaps(drawId, task.departmentId(), task.year(), List.of(next.id()), codes);
        draws.createInspections(draw, task.departmentId(), codes, List.of(row), now());
        lowerLevelInspects(draw, overlaps);
        List<String> created = new ArrayList<>(List.of(row.id()));
        created.addAll(jointParts.create(task, draw, List.of(row)));
        teams.assignReplacements(draw, task, created, actor);
        return draws.inspections(List.of(row.id())).get(row.id());
    }

    // ---- the pool as stored

    /** {@code L} split in chunks of {@link #CHUNK_LINES} lines, each gzipped; chunks are compressed in parallel. */
    static List<PoolChunk> chunks(List<Candidate> canonical) {
        return gzipped(Vdraw1.lines(canonical, CHUNK_LINES));
    }

    /** Chunks of {@code L} ({@link Vdraw1#lines} with {@link #CHUNK_LINES}), gzipped in parallel. */
    static List<PoolChunk> gzipped(List<byte[]> lines) {
        return java.util.stream.IntStream.range(0, lines.size()).parallel()
                .mapToObj(seq -> new PoolChunk(seq, lineCount(lines.get(seq)), gzip(lines.get(seq)))).toList();
    }

    private static int lineCount(byte[] text) {
        int n = 0;
        for (byte b : text) {
            n += b == '\n' ? 1 : 0;
        }
        return n;
    }

    private static byte[] gzip(byte[] text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // Fastest level: the pool is written once per draw, on the commit's critical path, and is small anyway.
        try (GZIPOutputStream out = new GZIPOutputStream(bytes) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_SPEED);
            }
        }) {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] gunzip(byte[] data) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Draw locked(String drawId) {
        return locked(draws, drawId);
    }

    /**
     * The draw under its write lock (held to the end of the transaction), so the status it decides from is the one
     * written over; for the draw's operations here and its inspectors' in {@link AssignmentService}.
     */
    static Draw locked(DrawRepository draws, String drawId) {
        draws.lock(drawId).orElseThrow(() -> new NotFoundException("drawId", "no draw " + drawId));
        return draws.draw(drawId).orElseThrow();
    }

    /** The subject {@code id} of a draw's refusal is the operation's {@code drawId}; of a commit's, its {@code taskId}. */
    static final UnaryOperator<String> AS_DRAW = s -> s.equals("id") ? "drawId" : s;
    private static final UnaryOperator<String> AS_TASK = s -> s.equals("id") ? "taskId" : s;

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
