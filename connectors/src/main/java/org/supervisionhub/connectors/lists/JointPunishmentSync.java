package org.supervisionhub.connectors.lists;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.supervisionhub.connectors.credit.client.api.DefaultApi;
import org.supervisionhub.connectors.credit.client.model.ListEntry;
import org.supervisionhub.connectors.credit.client.model.ListEntryPage;
import org.supervisionhub.connectors.sync.ConnectorProperties;
import org.supervisionhub.connectors.sync.FeedSync;
import org.supervisionhub.connectors.sync.Listings;
import org.supervisionhub.connectors.sync.SourceGuard;
import org.supervisionhub.connectors.sync.Transactions;
import org.supervisionhub.graph.directory.Uscc;
import org.supervisionhub.graph.restriction.Restrictions.SourceSystem;
import org.supervisionhub.graph.restriction.Restrictions.TriggerType;
import org.supervisionhub.graph.restriction.TriggerRepository;
import org.supervisionhub.graph.sync.SyncRepository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The credit platform's joint-punishment lists: serious dishonesty as SERIOUS_VIOLATION_LIST and dishonest judgment
 * debtors as DISHONEST_JUDGMENT_DEBTOR_LIST listings. Lists the hub has no measures for are read past (not applied).
 */
public class JointPunishmentSync extends FeedSync<ListEntryPage, ListEntry> {

    public static final String GUARD = "credit";

    private final DefaultApi credit;
    private final TriggerRepository triggers;

    public JointPunishmentSync(DefaultApi credit, JsonMapper json, SyncRepository repository, TriggerRepository triggers, Transactions transactions,
                               SourceGuard guard, ConnectorProperties properties, Clock clock) {
        super(SourceSystem.CREDIT_PLATFORM.name(), "joint-punishment", GUARD, properties.credit(), json, repository, transactions, guard, properties,
                clock);
        this.credit = credit;
        this.triggers = triggers;
    }

    static TriggerType type(ListEntry.ListTypeEnum list) {
        return switch (list) {
            case SERIOUS_DISHONESTY -> TriggerType.SERIOUS_VIOLATION_LIST;
            case COURT_DISHONEST_DEBTOR -> TriggerType.DISHONEST_JUDGMENT_DEBTOR_LIST;
            default -> null;
        };
    }

    @Override
    protected ListEntryPage read(String after, int limit) {
        return credit.listJointPunishmentEntries(after, limit);
    }

    @Override
    protected List<ListEntry> records(ListEntryPage page) {
        return page.getItems();
    }

    @Override
    protected String nextCursor(ListEntryPage page) {
        return page.getNextCursor();
    }

    @Override
    protected boolean hasMore(ListEntryPage page) {
        return Boolean.TRUE.equals(page.getHasMore());
    }

    @Override
    protected Long seq(ListEntry e) {
        return e.getSeq();
    }

    @Override
    protected String key(ListEntry e) {
        return e.getEntryId();
    }

    @Override
    protected Class<ListEntry> recordType() {
        return ListEntry.class;
    }

    @Override
    protected String problem(ListEntry e) {
        if (e.getSeq() == null) {
            return "seq: missing";
        }
        if (e.getEntryId() == null || e.getEntryId().isBlank()) {
            return "entryId: required";
        }
        if (e.getListType() == null) {
            return "listType: missing or not a list of the contract";
        }
        String uscc = Uscc.problem(e.getUscc() == null ? "" : e.getUscc()).orElse(null);
        if (uscc != null) {
            return "uscc: " + uscc;
        }
        return e.getListedOn() == null ? "listedOn: required" : null;
    }

    @Override
    protected long apply(List<ListEntry> valid, OffsetDateTime now) {
        List<ListEntry> used = valid.stream().filter(e -> type(e.getListType()) != null).toList();
        repository.ensureEnterprises(used.stream().map(ListEntry::getUscc).toList());
        return Listings.apply(triggers, SourceSystem.CREDIT_PLATFORM, used.stream().map(e -> new Listings.Entry(e.getEntryId(), e.getUscc(),
                type(e.getListType()), e.getListedOn(), e.getRemovedOn(), e.getAuthority(), e.getReason(), e.getLegalBasis(), null)).toList(), now);
    }
}
