package org.supervisionhub.connectors.simulator;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.supervisionhub.connectors.simulator.tax.api.V1Api;
import org.supervisionhub.connectors.simulator.tax.model.CreditGrade;
import org.supervisionhub.connectors.simulator.tax.model.CreditGradePage;
import org.supervisionhub.connectors.simulator.tax.model.MajorViolation;
import org.supervisionhub.connectors.simulator.tax.model.MajorViolationPage;

/** The tax system under {@code /tax}: credit grades (2025 for every subject, then re-assessments), and the major-violation list. */
@RestController
@RequestMapping("/tax")
public class TaxController implements V1Api {

    private final MarketDataset market;
    private final ListsDataset lists;
    private final Faults faults;

    public TaxController(MarketDataset market, ListsDataset lists, Faults faults) {
        this.market = market;
        this.lists = lists;
        this.faults = faults;
    }

    @Override
    public ResponseEntity<CreditGradePage> listCreditGrades(String after, Integer limit) {
        Feeds.Slice<CreditGrade> page = Feeds.slice(after, limit, lists.gradeItems(), seq -> {
            CreditGrade g = lists.grade(seq);
            if (faults.malformed(market.unit(seq, 23))) {
                g.setUscc(ListsDataset.broken(g.getUscc()));
            }
            return g;
        });
        return ResponseEntity.ok(new CreditGradePage(page.items(), page.nextCursor(), page.hasMore()));
    }

    @Override
    public ResponseEntity<MajorViolationPage> listMajorViolations(String after, Integer limit) {
        Feeds.Slice<MajorViolation> page = Feeds.slice(after, limit, lists.taxItems(), seq -> {
            MajorViolation v = lists.tax(seq);
            if (faults.malformed(market.unit(seq, 21))) {
                v.setUscc(ListsDataset.broken(v.getUscc()));
            }
            return v;
        });
        return ResponseEntity.ok(new MajorViolationPage(page.items(), page.nextCursor(), page.hasMore()));
    }

}
