package org.supervisionhub.connectors.grades;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.supervisionhub.connectors.lists.TaxViolationSync;
import org.supervisionhub.connectors.sync.FeedSync;
import org.supervisionhub.connectors.tax.client.api.DefaultApi;
import org.supervisionhub.connectors.tax.client.model.CreditGrade;
import org.supervisionhub.connectors.tax.client.model.CreditGradePage;
import org.supervisionhub.graph.restriction.Restrictions.SourceSystem;
import org.supervisionhub.graph.sync.SyncRepository.GradeRow;

/**
 * The tax system's credit grades: each subject's grade per assessment year, a later item (a re-assessment) replacing
 * the year's grade. A subject not yet synced from the registry is created by its USCC.
 */
public class TaxCreditGradeSync extends FeedSync<CreditGradePage, CreditGrade> {

    public static final String STREAM = "credit-grades";

    private final DefaultApi tax;

    public TaxCreditGradeSync(DefaultApi tax, Context context) {
        super(SourceSystem.TAX.name(), STREAM, TaxViolationSync.GUARD, context.properties().tax(), new Shape<>(CreditGradePage::getItems,
                CreditGradePage::getNextCursor, CreditGradePage::getHasMore, CreditGrade::getSeq, g -> g.getUscc() + ":" + g.getYear(),
                CreditGrade.class), context);
        this.tax = tax;
    }

    @Override
    protected CreditGradePage read(String after, int limit) {
        return tax.listCreditGrades(after, limit);
    }

    @Override
    protected String problem(CreditGrade g) {
        String uscc = usccProblem("uscc", g.getUscc());
        if (uscc != null) {
            return uscc;
        }
        if (g.getYear() == null || g.getYear() < 2000 || g.getYear() > 2100) {
            return "year: an assessment year, not " + g.getYear();
        }
        return g.getGrade() == null ? "grade: missing or not one of A, B, M, C, D" : null;
    }

    @Override
    protected long apply(List<CreditGrade> valid, OffsetDateTime now) {
        // Within a batch the last item of a subject and year wins, as it would applied one by one.
        Map<String, GradeRow> latest = new LinkedHashMap<>();
        for (CreditGrade g : valid) {
            latest.put(g.getUscc() + ":" + g.getYear(), new GradeRow(g.getUscc(), g.getYear(), g.getGrade().getValue(), g.getAssessedOn(), g.getSeq()));
        }
        return repository.upsertTaxCreditGrades(source, List.copyOf(latest.values()), now);
    }
}
