package org.supervisionhub.connectors.market;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.supervisionhub.connectors.market.client.api.ChangesApi;
import org.supervisionhub.connectors.market.client.model.AbnormalEntry;
import org.supervisionhub.connectors.market.client.model.Change;
import org.supervisionhub.connectors.market.client.model.ChangePage;
import org.supervisionhub.connectors.market.client.model.Enterprise;
import org.supervisionhub.connectors.market.client.model.Officer;
import org.supervisionhub.connectors.market.client.model.Shareholder;
import org.supervisionhub.connectors.sync.FeedSync;
import org.supervisionhub.connectors.sync.Listings;
import org.supervisionhub.connectors.sync.PersonPseudonyms;
import org.supervisionhub.graph.restriction.Restrictions.SourceSystem;
import org.supervisionhub.domain.restriction.TriggerType;
import org.supervisionhub.graph.restriction.TriggerRepository;
import org.supervisionhub.graph.sync.SyncRepository.EnterpriseRow;
import org.supervisionhub.graph.sync.SyncRepository.HolderKind;
import org.supervisionhub.graph.sync.SyncRepository.Holding;
import org.supervisionhub.graph.sync.SyncRepository.PersonLink;

/**
 * The registry's change feed applied to the graph ({@link FeedSync} runs it): snapshots newer than the graph's are
 * upserted with their links (ending those that left), and abnormal-list entries become listings the restriction checks
 * consume.
 */
public class MarketRegistrySync extends FeedSync<ChangePage, Change> {

    public static final String SOURCE = SourceSystem.MARKET_SUPERVISION.name();
    public static final String STREAM = "changes";
    /** Resilience4j instance name of the registry. */
    public static final String GUARD = "market";
    static final String ABNORMAL_BASIS = "《企业信息公示暂行条例》第十七条";
    static final ZoneId CST = ZoneId.of("Asia/Shanghai");
    static final Pattern REGION = Pattern.compile("\\d{6}");

    private final ChangesApi changes;
    private final TriggerRepository triggers;
    private final PersonPseudonyms persons;

    public MarketRegistrySync(ChangesApi changes, TriggerRepository triggers, PersonPseudonyms persons, Context context) {
        super(SOURCE, STREAM, GUARD, context.properties().market(), new Shape<>(ChangePage::getChanges, ChangePage::getNextCursor,
                ChangePage::getHasMore, Change::getSeq, Change::getUscc, Change.class), context);
        this.changes = changes;
        this.triggers = triggers;
        this.persons = persons;
    }

    /** Changes are keyed by the subject's USCC: the registry's sync applies its partitions side by side. */
    @Override
    protected int writers() {
        return settings.writers();
    }

    @Override
    protected ChangePage read(String after, int limit) {
        return changes.listChanges(after, limit);
    }

    @Override
    protected long apply(List<Change> valid, OffsetDateTime now) {
        return upsert(valid, now);
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
        List<Listings.Entry> entries = new ArrayList<>();
        for (Enterprise e : snapshots) {
            for (AbnormalEntry a : e.getAbnormalEntries() == null ? List.<AbnormalEntry>of() : e.getAbnormalEntries()) {
                entries.add(new Listings.Entry(a.getEntryId(), e.getUscc(), TriggerType.ABNORMAL_OPERATION_LIST, a.getListedOn(), a.getRemovedOn(),
                        a.getAuthority(), a.getReason(), ABNORMAL_BASIS, a.getRemovalReason()));
            }
        }
        Listings.apply(triggers, SourceSystem.MARKET_SUPERVISION, entries, now);
    }

    /**
     * An enterprise is placed in a region the hub knows, as {@code upsertEnterprise} and the CSV import require: one in
     * another would have no {@code region} to answer with. Its change waits as a dead letter until the region exists.
     */
    @Override
    protected Function<Change, String> graphProblems(List<Change> valid) {
        java.util.Set<String> known = repository.knownRegions(valid.stream().map(c -> c.getEnterprise().getRegionCode()).distinct().toList());
        return c -> known.contains(c.getEnterprise().getRegionCode()) ? null
                : "enterprise.regionCode: no region " + c.getEnterprise().getRegionCode() + " in the hub";
    }

    /** Why a change cannot be applied, or null: what the contract requires, checked field by field. */
    @Override
    protected String problem(Change c) {
        Enterprise e = c.getEnterprise();
        if (e == null) {
            return "enterprise: missing";
        }
        String uscc = usccProblem("enterprise.uscc", e.getUscc());
        if (uscc != null) {
            return uscc;
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
        String parent = e.getParentUscc() == null ? null : usccProblem("enterprise.parentUscc", e.getParentUscc());
        if (parent != null) {
            return parent;
        }
        for (Shareholder h : e.getShareholders() == null ? List.<Shareholder>of() : e.getShareholders()) {
            if (h.getKind() == null || h.getKey() == null || h.getName() == null) {
                return "enterprise.shareholders: kind, key and name required";
            }
            String holder = h.getKind() == Shareholder.KindEnum.ENTERPRISE ? usccProblem("enterprise.shareholders.key", h.getKey()) : null;
            if (holder != null) {
                return holder;
            }
            if (h.getSharePercent() != null && sharePct(h.getSharePercent()) == null) {
                return "enterprise.shareholders.sharePercent: a decimal from 0 to 100, not " + h.getSharePercent();
            }
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
        List<Holding> holders = (e.getShareholders() == null ? List.<Shareholder>of() : e.getShareholders()).stream()
                .map(h -> h.getKind() == Shareholder.KindEnum.PERSON
                        ? new Holding(HolderKind.PERSON, persons.personId(SOURCE, h.getKey()), h.getName(), sharePct(h.getSharePercent()))
                        : new Holding(HolderKind.ENTERPRISE, h.getKey(), h.getName(), sharePct(h.getSharePercent()))).toList();
        return new EnterpriseRow(e.getUscc(), e.getName(), e.getType(), status(e.getStatus()), e.getRegionCode(), e.getAddress(),
                e.getEstablishedOn(), e.getVersion(), on, legal, officers, holders, e.getParentUscc());
    }

    /** The registry's share (a decimal string in percent) as the graph keeps it, or null when absent or not a share. */
    static Double sharePct(String percent) {
        if (percent == null) {
            return null;
        }
        try {
            double pct = new java.math.BigDecimal(percent.trim()).doubleValue();
            return pct >= 0 && pct <= 100 ? pct : null;
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    /** The registry's statuses in the hub's terms; a subject moved to another registry stays active there. */
    static String status(Enterprise.StatusEnum s) {
        return switch (s) {
            case ACTIVE, MOVED_OUT -> "ACTIVE";
            case REVOKED -> "REVOKED";
            case CANCELLED -> "DEREGISTERED";
        };
    }
}
