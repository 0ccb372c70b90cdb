package org.supervisionhub.connectors.market;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supervisionhub.connectors.market.client.api.ChangesApi;
import org.supervisionhub.connectors.market.client.model.AbnormalEntry;
import org.supervisionhub.connectors.market.client.model.Change;
import org.supervisionhub.connectors.market.client.model.ChangePage;
import org.supervisionhub.connectors.market.client.model.Enterprise;
import org.supervisionhub.connectors.market.client.model.Officer;
import org.supervisionhub.connectors.sync.ConnectorProperties;
import org.supervisionhub.connectors.sync.PersonPseudonyms;
import org.supervisionhub.connectors.sync.SourceGuard;
import org.supervisionhub.connectors.sync.Transactions;
import org.supervisionhub.graph.directory.Uscc;
import org.supervisionhub.graph.restriction.Restrictions.SourceSystem;
import org.supervisionhub.graph.restriction.Restrictions.Trigger;
import org.supervisionhub.graph.restriction.Restrictions.TriggerKind;
import org.supervisionhub.graph.restriction.Restrictions.TriggerType;
import org.supervisionhub.graph.restriction.TriggerRepository;
import org.supervisionhub.graph.sync.SyncRepository;
import org.supervisionhub.graph.sync.SyncRepository.DeadLetter;
import org.supervisionhub.graph.sync.SyncRepository.EnterpriseRow;
import org.supervisionhub.graph.sync.SyncRepository.PersonLink;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies the registry's change feed to the graph, page by page, under a lease so one replica runs it at a time.
 * Each page commits in one transaction with its checkpoint: snapshots newer than the graph's are upserted with their
 * links (ending those that left), abnormal-list entries become listings the restriction checks consume, and records
 * that fail the contract become dead letters while the rest of the page proceeds. A crash between pages resumes from
 * the last committed checkpoint; a page applied twice changes nothing.
 */
public class MarketRegistrySync {

    public static final String SOURCE = SourceSystem.MARKET_SUPERVISION.name();
    public static final String STREAM = "changes";
    /** Resilience4j instance name of the registry. */
    public static final String GUARD = "market";
    static final String LOCK = "sync:" + SOURCE + ":" + STREAM;
    static final String ACTOR = "sync:" + SOURCE;
    static final String ABNORMAL_BASIS = "《企业信息公示暂行条例》第十七条";
    static final ZoneId CST = ZoneId.of("Asia/Shanghai");
    static final Pattern REGION = Pattern.compile("\\d{6}");
    private static final Logger log = LoggerFactory.getLogger(MarketRegistrySync.class);

    /** FULL reads the feed again from its beginning; snapshots not newer than the graph's change nothing. */
    public enum Mode { INCREMENTAL, FULL }

    /** How a run ended: CAUGHT_UP, YIELDED (page limit; more next run), BUSY (another replica holds the lease), CIRCUIT_OPEN, FAILED. */
    public record Run(String source, Mode mode, String outcome, long pages, long records, long applied, long deadLetters, long position,
                      String error) {
    }

    private final ChangesApi changes;
    private final JsonMapper json;
    private final SyncRepository repository;
    private final TriggerRepository triggers;
    private final Transactions transactions;
    private final SourceGuard guard;
    private final PersonPseudonyms persons;
    private final ConnectorProperties properties;
    private final Clock clock;
    private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    public MarketRegistrySync(ChangesApi changes, JsonMapper json, SyncRepository repository, TriggerRepository triggers,
                              Transactions transactions, SourceGuard guard, PersonPseudonyms persons, ConnectorProperties properties, Clock clock) {
        this.changes = changes;
        this.json = json;
        this.repository = repository;
        this.triggers = triggers;
        this.transactions = transactions;
        this.guard = guard;
        this.persons = persons;
        this.properties = properties;
        this.clock = clock;
    }

    public Run run(Mode mode) {
        if (!transactions.run(() -> repository.lock(LOCK, owner, now(), now().plus(properties.lockLease())))) {
            return new Run(SOURCE, mode, "BUSY", 0, 0, 0, 0, 0, null);
        }
        long pages = 0;
        long records = 0;
        long applied = 0;
        long dead = 0;
        long position = 0;
        try {
            var checkpoint = mode == Mode.FULL ? null : transactions.run(() -> repository.checkpoint(SOURCE, STREAM).orElse(null));
            String cursor = checkpoint == null ? null : checkpoint.cursor();
            position = checkpoint == null ? 0 : checkpoint.position();
            ConnectorProperties.Source settings = properties.market();
            while (pages < settings.maxPagesPerRun()) {
                // Pages are read until a transaction's worth of records is in hand (fewer commits, fewer statements),
                // then applied together with the checkpoint of the last one.
                List<Fetched> fetched = new ArrayList<>();
                int inHand = 0;
                boolean more = true;
                while (more && inHand < settings.recordsPerTransaction() && pages + fetched.size() < settings.maxPagesPerRun()) {
                    String after = cursor;
                    ChangePage page;
                    try {
                        page = guard.call(GUARD, () -> changes.listChanges(after, settings.pageSize()));
                    } catch (CallNotPermittedException e) {
                        if (fetched.isEmpty()) {
                            transactions.run(() -> repository.attempted(SOURCE, "CIRCUIT_OPEN", e.getMessage(), now()));
                            return new Run(SOURCE, mode, "CIRCUIT_OPEN", pages, records, applied, dead, position, e.getMessage());
                        }
                        break;
                    }
                    fetched.add(new Fetched(page, after));
                    inHand += page.getChanges().size();
                    cursor = page.getNextCursor();
                    more = Boolean.TRUE.equals(page.getHasMore());
                }
                long from = position;
                Batch batch = transactions.run(() -> apply(fetched, from));
                pages += fetched.size();
                records += inHand;
                applied += batch.applied();
                dead += batch.deadLetters();
                position = batch.position();
                if (!more) {
                    transactions.run(() -> repository.synced(SOURCE, "OK", now()));
                    return new Run(SOURCE, mode, "CAUGHT_UP", pages, records, applied, dead, position, null);
                }
                if (fetched.size() == 0 || inHand < settings.recordsPerTransaction() && pages < settings.maxPagesPerRun()) {
                    // The source refused mid-way (breaker): what was read is applied; the next run goes on from there.
                    transactions.run(() -> repository.attempted(SOURCE, "CIRCUIT_OPEN", "circuit open", now()));
                    return new Run(SOURCE, mode, "CIRCUIT_OPEN", pages, records, applied, dead, position, "circuit open");
                }
            }
            return new Run(SOURCE, mode, "YIELDED", pages, records, applied, dead, position, null);
        } catch (RuntimeException e) {
            log.warn("Sync of {} stopped: {}", SOURCE, e.toString());
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            // Retries used up while the failures opened the breaker: the source is down, not merely failing.
            String state = guard.breakerState(GUARD) == io.github.resilience4j.circuitbreaker.CircuitBreaker.State.OPEN ? "CIRCUIT_OPEN" : "FAILING";
            transactions.run(() -> repository.attempted(SOURCE, state, message, now()));
            return new Run(SOURCE, mode, "CIRCUIT_OPEN".equals(state) ? state : "FAILED", pages, records, applied, dead, position, message);
        } finally {
            transactions.run(() -> repository.unlock(LOCK, owner));
        }
    }

    record Batch(long applied, long deadLetters, long position) {
    }

    /** A page as read, with the cursor it was read after (kept on its dead letters, to read it again). */
    record Fetched(ChangePage page, String after) {
    }

    /**
     * Applies a dead letter again after a fix: its stored payload if that now passes, else the record read again from
     * the source where its page began. Resolved once; one still broken stays open and the reason is thrown.
     */
    public DeadLetter replay(String id) {
        DeadLetter d = transactions.run(() -> repository.lockDeadLetter(id).orElse(null));
        if (d == null) {
            throw new java.util.NoSuchElementException("no dead letter " + id);
        }
        if (!"OPEN".equals(d.status())) {
            throw new IllegalStateException("dead letter " + id + " is " + d.status());
        }
        Change stored = json.readValue(d.payload(), Change.class);
        Change fixed = problem(stored) == null ? stored : refetch(d);
        String problem = fixed == null ? "the source no longer serves position " + d.position() : problem(fixed);
        if (problem != null) {
            throw new IllegalStateException("still not applicable: " + problem);
        }
        String resolution = fixed == stored ? "REPARSED" : "REFETCHED";
        return transactions.run(() -> {
            OffsetDateTime now = now();
            upsert(List.of(fixed), now);
            repository.resolve(id, resolution, now);
            return repository.lockDeadLetter(id).orElseThrow();
        });
    }

    private Change refetch(DeadLetter d) {
        String cursor = d.cursor();
        for (int pages = 0; pages < 100; pages++) {
            String after = cursor;
            ChangePage page = guard.call(GUARD, () -> changes.listChanges(after, properties.market().pageSize()));
            for (Change c : page.getChanges()) {
                if (c.getSeq() != null && c.getSeq() == d.position()) {
                    return c;
                }
            }
            if (!Boolean.TRUE.equals(page.getHasMore())) {
                return null;
            }
            cursor = page.getNextCursor();
        }
        return null;
    }

    /** Pages in the caller's transaction: the valid records, the dead letters, the checkpoint of the last page, the lease renewed. */
    Batch apply(List<Fetched> pages, long from) {
        OffsetDateTime now = now();
        List<Change> valid = new ArrayList<>();
        long dead = 0;
        long position = from;
        for (Fetched f : pages) {
            for (Change c : f.page().getChanges()) {
                long seq = c.getSeq() == null ? position + 1 : c.getSeq();
                position = Math.max(position, seq);
                String problem = problem(c);
                if (problem == null) {
                    valid.add(c);
                } else {
                    repository.deadLetter(new DeadLetter("DL-" + UUID.randomUUID(), SOURCE, STREAM, seq, f.after(), c.getUscc(), problem,
                            json.writeValueAsString(c), now, "OPEN", null, null));
                    dead++;
                }
            }
        }
        long applied = upsert(valid, now);
        repository.saveCheckpoint(SOURCE, STREAM, pages.get(pages.size() - 1).page().getNextCursor(), position, applied, now);
        if (!repository.lock(LOCK, owner, now, now.plus(properties.lockLease()))) {
            throw new IllegalStateException("the lease of " + LOCK + " passed to another replica");
        }
        return new Batch(applied, dead, position);
    }

    /**
     * Upserts valid changes in feed order: in waves holding each subject once (its first change, then its second, ...),
     * so a subject's snapshots apply in order; then its latest abnormal-list entries.
     */
    long upsert(List<Change> valid, OffsetDateTime now) {
        List<List<EnterpriseRow>> waves = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Enterprise> latest = new LinkedHashMap<>();
        for (Change c : valid) {
            int wave = seen.merge(c.getUscc(), 1, Integer::sum) - 1;
            while (waves.size() <= wave) {
                waves.add(new ArrayList<>());
            }
            waves.get(wave).add(row(c));
            latest.put(c.getUscc(), c.getEnterprise());
        }
        long applied = 0;
        for (List<EnterpriseRow> wave : waves) {
            applied += repository.upsertEnterprises(SOURCE, wave, now);
        }
        listings(latest.values(), now);
        return applied;
    }

    /** FOLLOW-04 as the registry records it: each abnormal-list entry is a listing; its removal ends the listing. */
    void listings(java.util.Collection<Enterprise> snapshots, OffsetDateTime now) {
        Map<String, Enterprise> byEntry = new LinkedHashMap<>();
        Map<String, AbnormalEntry> entries = new LinkedHashMap<>();
        for (Enterprise e : snapshots) {
            for (AbnormalEntry a : e.getAbnormalEntries() == null ? List.<AbnormalEntry>of() : e.getAbnormalEntries()) {
                byEntry.put(a.getEntryId(), e);
                entries.put(a.getEntryId(), a);
            }
        }
        if (entries.isEmpty()) {
            return;
        }
        Map<String, List<Trigger>> existing = triggers.bySourceRef(entries.keySet());
        for (AbnormalEntry a : entries.values()) {
            String uscc = byEntry.get(a.getEntryId()).getUscc();
            Trigger t = existing.getOrDefault(a.getEntryId(), List.of()).stream().filter(x -> x.source() == SourceSystem.MARKET_SUPERVISION)
                    .findFirst().orElse(null);
            String id = t != null ? t.id() : "MS-" + a.getEntryId();
            if (t == null) {
                triggers.create(new Trigger(id, TriggerKind.CREDIT_LISTING, TriggerType.ABNORMAL_OPERATION_LIST, uscc, null, a.getAuthority(),
                        ABNORMAL_BASIS, a.getReason(), null, List.of(), null, startOf(a.getListedOn()), a.getListedOn(), null, null, null,
                        SourceSystem.MARKET_SUPERVISION, a.getEntryId(), now, ACTOR));
                triggers.appendChange("LISTED", id, uscc, null, now);
            }
            if (a.getRemovedOn() != null && (t == null || t.removedAt() == null)) {
                triggers.remove(id, startOf(a.getRemovedOn()), a.getRemovalReason() == null ? "移出经营异常名录" : a.getRemovalReason(), ACTOR, now);
                triggers.appendChange("REMOVED", id, uscc, null, now);
            }
        }
    }

    /** Why a change cannot be applied, or null: what the contract requires, checked field by field. */
    static String problem(Change c) {
        Enterprise e = c.getEnterprise();
        if (c.getSeq() == null) {
            return "seq: missing";
        }
        if (e == null) {
            return "enterprise: missing";
        }
        String uscc = Uscc.problem(e.getUscc() == null ? "" : e.getUscc()).orElse(null);
        if (uscc != null) {
            return "enterprise.uscc: " + uscc;
        }
        if (!e.getUscc().equals(c.getUscc())) {
            return "uscc: the change names " + c.getUscc() + " but its snapshot " + e.getUscc();
        }
        if (e.getName() == null || e.getName().isBlank()) {
            return "enterprise.name: required";
        }
        if (e.getStatus() == null) {
            return "enterprise.status: missing or not one of ACTIVE, REVOKED, CANCELLED, MOVED_OUT";
        }
        if (e.getRegionCode() == null || !REGION.matcher(e.getRegionCode()).matches()) {
            return "enterprise.regionCode: six digits";
        }
        if (e.getVersion() == null || e.getVersion() < 1) {
            return "enterprise.version: missing";
        }
        if (e.getLegalRepresentative() != null && (e.getLegalRepresentative().getPersonKey() == null || e.getLegalRepresentative().getName() == null)) {
            return "enterprise.legalRepresentative: personKey and name required";
        }
        for (Officer o : e.getOfficers() == null ? List.<Officer>of() : e.getOfficers()) {
            if (o.getPersonKey() == null || o.getName() == null || o.getRole() == null) {
                return "enterprise.officers: personKey, name and role required";
            }
        }
        if (e.getParentUscc() != null && Uscc.problem(e.getParentUscc()).isPresent()) {
            return "enterprise.parentUscc: " + Uscc.problem(e.getParentUscc()).get();
        }
        for (AbnormalEntry a : e.getAbnormalEntries() == null ? List.<AbnormalEntry>of() : e.getAbnormalEntries()) {
            if (a.getEntryId() == null || a.getListedOn() == null) {
                return "enterprise.abnormalEntries: entryId and listedOn required";
            }
        }
        return null;
    }

    EnterpriseRow row(Change c) {
        Enterprise e = c.getEnterprise();
        LocalDate on = c.getCommittedAt() == null ? LocalDate.now(clock) : c.getCommittedAt().atZoneSameInstant(CST).toLocalDate();
        PersonLink legal = e.getLegalRepresentative() == null ? null : new PersonLink(persons.personId(SOURCE,
                e.getLegalRepresentative().getPersonKey()), e.getLegalRepresentative().getName(), null);
        List<PersonLink> officers = (e.getOfficers() == null ? List.<Officer>of() : e.getOfficers()).stream()
                .map(o -> new PersonLink(persons.personId(SOURCE, o.getPersonKey()), o.getName(), o.getRole().getValue())).toList();
        return new EnterpriseRow(e.getUscc(), e.getName(), e.getType(), status(e.getStatus()), e.getRegionCode(), e.getAddress(),
                e.getEstablishedOn(), e.getVersion(), on, legal, officers, e.getParentUscc());
    }

    /** The registry's statuses in the hub's terms; a subject moved to another registry stays active there. */
    static String status(Enterprise.StatusEnum s) {
        return switch (s) {
            case ACTIVE, MOVED_OUT -> "ACTIVE";
            case REVOKED -> "REVOKED";
            case CANCELLED -> "DEREGISTERED";
        };
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(CST).toOffsetDateTime();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
