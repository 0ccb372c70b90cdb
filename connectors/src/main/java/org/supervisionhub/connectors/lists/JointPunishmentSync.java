package org.supervisionhub.connectors.lists;

import java.time.OffsetDateTime;
import java.util.List;

import org.supervisionhub.connectors.credit.client.api.DefaultApi;
import org.supervisionhub.connectors.credit.client.model.ListEntry;
import org.supervisionhub.connectors.credit.client.model.ListEntryPage;
import org.supervisionhub.connectors.sync.FeedSync;
import org.supervisionhub.connectors.sync.Listings;
import org.supervisionhub.graph.restriction.Restrictions.SourceSystem;
import org.supervisionhub.domain.restriction.TriggerType;
import org.supervisionhub.graph.restriction.TriggerRepository;

/**
 * The credit platform's joint-punishment lists: serious dishonesty as SERIOUS_VIOLATION_LIST and dishonest judgment
 * debtors as DISHONEST_JUDGMENT_DEBTOR_LIST listings. Lists the hub has no measures for are read past (not applied).
 */
public class JointPunishmentSync extends FeedSync<ListEntryPage, ListEntry> {

    public static final String GUARD = "credit";

    private final DefaultApi credit;
    private final TriggerRepository triggers;

    public JointPunishmentSync(DefaultApi credit, TriggerRepository triggers, Context context) {
        super(SourceSystem.CREDIT_PLATFORM.name(), "joint-punishment", GUARD, context.properties().credit(), new Shape<>(ListEntryPage::getItems,
                ListEntryPage::getNextCursor, ListEntryPage::getHasMore, ListEntry::getSeq, ListEntry::getEntryId, ListEntry.class), context);
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
    protected String problem(ListEntry e) {
        if (e.getEntryId() == null || e.getEntryId().isBlank()) {
            return "entryId: required";
        }
        if (e.getListType() == null) {
            return "listType: missing or not a list of the contract";
        }
        String uscc = usccProblem("uscc", e.getUscc());
        if (uscc != null) {
            return uscc;
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
