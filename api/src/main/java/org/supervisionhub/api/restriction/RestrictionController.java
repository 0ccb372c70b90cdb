package org.supervisionhub.api.restriction;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import org.supervisionhub.api.access.Access;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.graphql.Batches;
import org.supervisionhub.api.graphql.InputPaths;
import org.supervisionhub.api.errors.Checks;
import org.supervisionhub.api.graphql.Connection;
import org.supervisionhub.api.directory.DirectoryService;
import org.supervisionhub.api.graphql.GroupedLoader;
import org.supervisionhub.api.graphql.PageRequests;
import org.supervisionhub.api.restriction.RestrictionChecker.Question;
import org.supervisionhub.api.restriction.RestrictionViews.Answer;
import org.supervisionhub.api.restriction.RestrictionViews.ChangeEvent;
import org.supervisionhub.api.restriction.RestrictionViews.Profile;
import org.supervisionhub.graph.directory.Directory.Enterprise;
import org.supervisionhub.domain.directory.LinkType;
import org.supervisionhub.graph.restriction.Restrictions.Decision;
import org.supervisionhub.graph.restriction.Restrictions.DecisionKind;
import org.supervisionhub.domain.restriction.RestrictionDomain;
import org.supervisionhub.graph.restriction.Restrictions.Measure;
import org.supervisionhub.graph.restriction.Restrictions.PathLink;
import org.supervisionhub.graph.restriction.Restrictions.Receipt;
import org.supervisionhub.graph.restriction.Restrictions.Trigger;
import org.supervisionhub.graph.restriction.Restrictions.TriggerEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import org.supervisionhub.api.errors.ErrorCode;

/** Restriction checks, receipts, the measure catalogue, and listings and sanctions. Thin: the services decide. */
@Controller
public class RestrictionController {

    public record RestrictionCheckInput(SubjectInput subject, RestrictionDomain domain, String purpose, OffsetDateTime asOf, OffsetDateTime knownAt) {
    }

    public record RestrictionMeasureInput(String id, String triggerType, String domain, String effect, String reach, List<String> via,
                                          Integer maxHops, Double minShare, String maxDuration, String legalBasis,
                                          String issuingAuthority, LocalDate validFrom, LocalDate validTo, String description) {
    }

    record TriggersKey(String uscc, String kind, OffsetDateTime asOf) {
        TriggersKey shape() {
            return new TriggersKey(null, kind, asOf);
        }
    }

    private final RestrictionChecker checker;
    private final RestrictionWatch watch;
    private final MeasureService measureService;
    private final TriggerService triggerService;
    private final ReceiptService receipts;
    private final DirectoryService directory;
    private final PageRequests pages;

    public RestrictionController(RestrictionChecker checker, RestrictionWatch watch, MeasureService measureService, TriggerService triggerService,
                                 ReceiptService receipts, DirectoryService directory, PageRequests pages, BatchLoaderRegistry registry) {
        this.checker = checker;
        this.watch = watch;
        this.measureService = measureService;
        this.triggerService = triggerService;
        this.receipts = receipts;
        this.directory = directory;
        this.pages = pages;
        registry.forTypePair(TriggersKey.class, List.class).registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() ->
                GroupedLoader.load(keys, TriggersKey::shape, TriggersKey::uscc, (shape, usccs) -> {
                    Map<String, List> out = new HashMap<>();
                    triggerService.ofEnterprises(usccs, shape.kind(), shape.asOf()).forEach(out::put);
                    return out;
                })));
    }

    // ---- checks

    @QueryMapping
    public Answer restrictionCheck(@Argument SubjectInput subject, @Argument RestrictionDomain domain, @Argument String purpose,
                                   @Argument OffsetDateTime asOf, @Argument OffsetDateTime knownAt, @ContextValue Viewer viewer) {
        Checks checks = new Checks();
        Question q = question(checks, "", subject, domain, purpose, asOf, knownAt, checker.now());
        checks.throwIfAny();
        return checker.check(List.of(q), viewer).get(0);
    }

    @QueryMapping
    public List<Answer> restrictionChecks(@Argument List<RestrictionCheckInput> requests, @ContextValue Viewer viewer) {
        Checks checks = new Checks();
        checks.check(requests.size() <= checker.maxBatch(), "requests", ErrorCode.INVALID_VALUE,
                "requests: at most " + checker.maxBatch() + " per call", null);
        checks.throwIfAny();
        OffsetDateTime now = checker.now();
        List<Question> questions = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            RestrictionCheckInput r = requests.get(i);
            questions.add(question(checks, "requests[" + i + "].", r.subject(), r.domain(), r.purpose(), r.asOf(), r.knownAt(), now));
        }
        checks.throwIfAny();
        return checker.check(questions, viewer);
    }

    @QueryMapping
    public Profile restrictionProfile(@Argument SubjectInput subject, @Argument String purpose, @Argument OffsetDateTime asOf,
                                      @Argument OffsetDateTime knownAt, @ContextValue Viewer viewer) {
        Checks checks = new Checks();
        OffsetDateTime now = checker.now();
        List<Question> questions = new ArrayList<>();
        for (RestrictionDomain d : RestrictionDomain.values()) {
            questions.add(question(checks, "", subject, d, purpose, asOf, knownAt, now));
        }
        checks.throwIfAny();
        List<Answer> answers = checker.check(questions, viewer);
        return new Profile(answers.get(0).subject(), answers.get(0).asOf(), answers.stream().anyMatch(Answer::restricted), answers);
    }

    private Question question(Checks checks, String prefix, SubjectInput subject, RestrictionDomain domain, String purpose, OffsetDateTime asOf,
                              OffsetDateTime knownAt, OffsetDateTime now) {
        return checker.question(checks, prefix + "subject", prefix + "purpose", prefix + "knownAt", subject == null ? null : subject.uscc(),
                subject == null ? null : subject.personId(), domain, purpose, asOf, knownAt, now);
    }

    /** Tells the partner when the answers for its subjects change; see the schema for delivery and limits. */
    @SubscriptionMapping
    public Flux<ChangeEvent> restrictionChanges(@Argument List<SubjectInput> subjects, @Argument List<RestrictionDomain> domains,
                                                @Argument String purpose, @Argument boolean includeCurrent, @ContextValue Viewer viewer,
                                                @ContextValue(name = Viewer.EXPIRES_AT, required = false) Instant expiresAt) {
        Checks checks = new Checks();
        List<RestrictionDomain> watched = domains == null || domains.isEmpty() ? List.of(RestrictionDomain.values()) : List.copyOf(new LinkedHashSet<>(domains));
        checks.check(!subjects.isEmpty(), "subjects", ErrorCode.REQUIRED, "subjects: watch at least one subject", null);
        checks.check((long) subjects.size() * watched.size() <= checker.maxBatch(), "subjects", ErrorCode.INVALID_VALUE,
                "subjects: at most " + checker.maxBatch() + " subject-domain pairs per subscription, asked for "
                        + subjects.size() + " x " + watched.size(), null);
        checks.throwIfAny();
        OffsetDateTime now = checker.now();
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < subjects.size(); i++) {
            SubjectInput s = subjects.get(i);
            Question q = checker.question(checks, "subjects[" + i + "]", "purpose", s.uscc(), s.personId(), watched.get(0), purpose, null, now);
            watched.forEach(d -> questions.add(new Question(q.uscc(), q.personId(), d, q.purpose(), q.asOf())));
        }
        checks.throwIfAny();
        return watch.watch(questions, viewer, includeCurrent, expiresAt == null ? null : Duration.between(now.toInstant(), expiresAt));
    }

    // ---- receipts

    @QueryMapping
    public Receipt restrictionReceipt(@Argument String id, @ContextValue Viewer viewer) {
        return receipts.readable(id, viewer);
    }

    @QueryMapping
    public Connection<Receipt> restrictionReceipts(@Argument String departmentId, @Argument String subjectId, @Argument Integer first,
                                                   @Argument String after, @ContextValue Viewer viewer) {
        Access.requireDepartment(viewer, departmentId, "departmentId");
        pages.checkCursor(after);
        return Connection.of(receipts.page(List.of(departmentId), subjectId, pages.size(first), after), after);
    }

    @MutationMapping
    @org.springframework.transaction.annotation.Transactional
    public Receipt recordRestrictionDecision(@Argument String receiptId, @Argument DecisionKind decision, @Argument String reference,
                                             @Argument String note, @ContextValue Viewer viewer) {
        return receipts.recordDecision(receiptId, decision, reference, note, checker.now(), viewer);
    }

    @SchemaMapping(typeName = "RestrictionReceipt")
    public OffsetDateTime knownAt(Receipt receipt) {
        return receipt.answeredKnowing();
    }

    @SchemaMapping(typeName = "RestrictionReceipt")
    public Answer answer(Receipt receipt) {
        return checker.stored(receipt);
    }

    @BatchMapping(typeName = "RestrictionReceipt")
    public Map<Receipt, List<Decision>> decisions(List<Receipt> list) {
        return Batches.grouped(list, Receipt::id, receipts.decisions(Batches.keys(list, Receipt::id)));
    }

    @SchemaMapping(typeName = "PathRelationship", field = "type")
    public String pathRelationshipType(PathLink link) {
        return LinkType.ofRelationship(link.type()).name();
    }

    // ---- measures

    @QueryMapping
    public List<Measure> restrictionMeasures(@Argument RestrictionDomain domain, @Argument String triggerType, @Argument OffsetDateTime asOf) {
        String d = domain == null ? null : domain.name();
        return measureService.list(d, triggerType, asOf);
    }

    @QueryMapping
    public Measure restrictionMeasure(@Argument String id) {
        return measureService.current(id);
    }

    @BatchMapping(typeName = "RestrictionMeasure")
    public Map<Measure, List<Measure>> history(List<Measure> list) {
        Map<String, List<Measure>> byId = new HashMap<>();
        measureService.versions(Batches.keys(list, Measure::id)).forEach(m -> byId.computeIfAbsent(m.id(), k -> new ArrayList<>()).add(m));
        return Batches.grouped(list, Measure::id, byId);
    }

    @MutationMapping
    public Measure upsertRestrictionMeasure(@Argument RestrictionMeasureInput input, @Argument String reason, @ContextValue Viewer viewer) {
        return measureService.upsert(new MeasureService.MeasureInput(input.id(), input.triggerType(), input.domain(), input.effect(),
                input.reach(), input.via(), input.maxHops(), input.minShare() == null ? null : BigDecimal.valueOf(input.minShare()),
                input.maxDuration(), input.legalBasis(), input.issuingAuthority(), input.validFrom(), input.validTo(),
                input.description()), reason, viewer.actor());
    }

    // ---- listings and sanctions

    @QueryMapping
    public Trigger restrictionTrigger(@Argument String id) {
        return triggerService.byId(List.of(id)).get(id);
    }

    @SchemaMapping(typeName = "Enterprise")
    public CompletableFuture<List> restrictionTriggers(Enterprise enterprise, @Argument String kind, @Argument OffsetDateTime asOf,
                                                       DataLoader<TriggersKey, List> loader) {
        return loader.load(new TriggersKey(enterprise.uscc(), kind, asOf)).thenApply(l -> l == null ? List.of() : l);
    }

    @BatchMapping(typeName = "RestrictionTrigger")
    public Map<Trigger, Enterprise> enterprise(List<Trigger> list) {
        return Batches.byKey(list, Trigger::uscc, directory.enterprises(Batches.keys(list, Trigger::uscc)));
    }

    @BatchMapping(typeName = "RestrictionTrigger", field = "history")
    public Map<Trigger, List<TriggerEvent>> triggerHistory(List<Trigger> list) {
        return Batches.grouped(list, Trigger::id, triggerService.events(Batches.keys(list, Trigger::id)));
    }

    @SchemaMapping(typeName = "RestrictionTrigger")
    public String fineAmount(Trigger t) {
        return t.fineAmount() == null ? null : t.fineAmount().toPlainString();
    }

    @MutationMapping
    public Trigger recordCreditListing(@Argument TriggerService.ListingInput input, @ContextValue Viewer viewer) {
        Access.requireDepartment(viewer, input.issuingDepartmentId(), "input.issuingDepartmentId");
        // Through the API a department records its own listings; other systems' lists arrive by sync.
        return InputPaths.under("input", () -> triggerService.recordListing(new TriggerService.ListingInput(input.uscc(), input.type(),
                input.issuingDepartmentId(), input.legalBasis(), input.reason(), input.listedAt(), input.expiresAt(), null, input.sourceRef()),
                viewer.actor()));
    }

    @MutationMapping
    public Trigger recordSanction(@Argument TriggerService.SanctionInput input, @ContextValue Viewer viewer) {
        Access.requireDepartment(viewer, input.issuingDepartmentId(), "input.issuingDepartmentId");
        return InputPaths.under("input", () -> triggerService.recordSanction(input, viewer.actor()));
    }

    @MutationMapping
    public Trigger removeRestrictionTrigger(@Argument String id, @Argument String reason, @Argument OffsetDateTime removedAt,
                                            @ContextValue Viewer viewer) {
        Access.requireDepartment(viewer, triggerService.issuerOf(id), "id");
        return triggerService.remove(id, reason, removedAt, viewer.actor());
    }
}
