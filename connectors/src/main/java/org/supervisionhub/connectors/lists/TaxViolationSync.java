package org.supervisionhub.connectors.lists;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.supervisionhub.connectors.sync.ConnectorProperties;
import org.supervisionhub.connectors.sync.FeedSync;
import org.supervisionhub.connectors.sync.Listings;
import org.supervisionhub.connectors.sync.SourceGuard;
import org.supervisionhub.connectors.sync.Transactions;
import org.supervisionhub.connectors.tax.client.api.DefaultApi;
import org.supervisionhub.connectors.tax.client.model.MajorViolation;
import org.supervisionhub.connectors.tax.client.model.MajorViolationPage;
import org.supervisionhub.graph.directory.Uscc;
import org.supervisionhub.graph.restriction.Restrictions.SourceSystem;
import org.supervisionhub.graph.restriction.Restrictions.TriggerType;
import org.supervisionhub.graph.restriction.TriggerRepository;
import org.supervisionhub.graph.sync.SyncRepository;
import tools.jackson.databind.json.JsonMapper;

/** The major tax-violation list (重大税收违法失信主体) as MAJOR_TAX_VIOLATION_LIST listings. */
public class TaxViolationSync extends FeedSync<MajorViolationPage, MajorViolation> {

    public static final String GUARD = "tax";
    static final String BASIS = "《重大税收违法失信主体信息公布管理办法》";

    private final DefaultApi tax;
    private final TriggerRepository triggers;

    public TaxViolationSync(DefaultApi tax, JsonMapper json, SyncRepository repository, TriggerRepository triggers, Transactions transactions,
                            SourceGuard guard, ConnectorProperties properties, Clock clock) {
        super(SourceSystem.TAX.name(), "major-violations", GUARD, properties.tax(), json, repository, transactions, guard, properties, clock);
        this.tax = tax;
        this.triggers = triggers;
    }

    @Override
    protected MajorViolationPage read(String after, int limit) {
        return tax.listMajorViolations(after, limit);
    }

    @Override
    protected List<MajorViolation> records(MajorViolationPage page) {
        return page.getItems();
    }

    @Override
    protected String nextCursor(MajorViolationPage page) {
        return page.getNextCursor();
    }

    @Override
    protected boolean hasMore(MajorViolationPage page) {
        return Boolean.TRUE.equals(page.getHasMore());
    }

    @Override
    protected Long seq(MajorViolation v) {
        return v.getSeq();
    }

    @Override
    protected String key(MajorViolation v) {
        return v.getCaseId();
    }

    @Override
    protected Class<MajorViolation> recordType() {
        return MajorViolation.class;
    }

    @Override
    protected String problem(MajorViolation v) {
        if (v.getSeq() == null) {
            return "seq: missing";
        }
        if (v.getCaseId() == null || v.getCaseId().isBlank()) {
            return "caseId: required";
        }
        String uscc = Uscc.problem(v.getUscc() == null ? "" : v.getUscc()).orElse(null);
        if (uscc != null) {
            return "uscc: " + uscc;
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
