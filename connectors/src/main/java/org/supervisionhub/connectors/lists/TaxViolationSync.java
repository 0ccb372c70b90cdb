package org.supervisionhub.connectors.lists;

import java.time.OffsetDateTime;
import java.util.List;

import org.supervisionhub.connectors.sync.FeedSync;
import org.supervisionhub.connectors.sync.Listings;
import org.supervisionhub.connectors.tax.client.api.DefaultApi;
import org.supervisionhub.connectors.tax.client.model.MajorViolation;
import org.supervisionhub.connectors.tax.client.model.MajorViolationPage;
import org.supervisionhub.graph.restriction.Restrictions.SourceSystem;
import org.supervisionhub.domain.restriction.TriggerType;
import org.supervisionhub.graph.restriction.TriggerRepository;

/** The major tax-violation list (重大税收违法失信主体) as MAJOR_TAX_VIOLATION_LIST listings. */
public class TaxViolationSync extends FeedSync<MajorViolationPage, MajorViolation> {

    public static final String GUARD = "tax";
    static final String BASIS = "《重大税收违法失信主体信息公布管理办法》";

    private final DefaultApi tax;
    private final TriggerRepository triggers;

    public TaxViolationSync(DefaultApi tax, TriggerRepository triggers, Context context) {
        super(SourceSystem.TAX.name(), "major-violations", GUARD, context.properties().tax(), new Shape<>(MajorViolationPage::getItems,
                MajorViolationPage::getNextCursor, MajorViolationPage::getHasMore, MajorViolation::getSeq, MajorViolation::getCaseId,
                MajorViolation.class), context);
        this.tax = tax;
        this.triggers = triggers;
    }

    @Override
    protected MajorViolationPage read(String after, int limit) {
        return tax.listMajorViolations(after, limit);
    }

    @Override
    protected String problem(MajorViolation v) {
        if (v.getCaseId() == null || v.getCaseId().isBlank()) {
            return "caseId: required";
        }
        String uscc = usccProblem("uscc", v.getUscc());
        if (uscc != null) {
            return uscc;
        }
        return v.getPublishedOn() == null ? "publishedOn: required" : null;
    }

    @Override
    protected long apply(List<MajorViolation> valid, OffsetDateTime now) {
        repository.ensureEnterprises(valid.stream().map(MajorViolation::getUscc).toList());
        return Listings.apply(triggers, SourceSystem.TAX, valid.stream().map(v -> new Listings.Entry(v.getCaseId(), v.getUscc(),
                TriggerType.MAJOR_TAX_VIOLATION_LIST, v.getPublishedOn(), v.getRemovedOn(), v.getAuthority(), v.getFacts(), BASIS, null)).toList(), now);
    }
}
