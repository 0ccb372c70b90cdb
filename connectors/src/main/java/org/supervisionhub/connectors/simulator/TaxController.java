package org.supervisionhub.connectors.simulator;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.supervisionhub.connectors.simulator.tax.api.V1Api;
import org.supervisionhub.connectors.simulator.tax.model.CreditGrade;
import org.supervisionhub.connectors.simulator.tax.model.CreditGradePage;
import org.supervisionhub.connectors.simulator.tax.model.MajorViolation;
import org.supervisionhub.connectors.simulator.tax.model.MajorViolationPage;

/** The tax system under {@code /tax}: 2025 credit grades of every subject, and the major-violation list. */
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
        long from = MarketRegistryController.cursor(after);
        int n = limit == null ? 500 : Math.max(1, Math.min(1000, limit));
        List<CreditGrade> items = new ArrayList<>();
        String[] grades = {"A", "B", "B", "M", "B", "C", "A", "B", "D", "M"};
        for (long seq = from + 1; seq <= Math.min(market.size(), from + n); seq++) {
            items.add(new CreditGrade(seq, market.uscc((int) seq - 1), 2025, CreditGrade.GradeEnum.fromValue(grades[(int) (market.unit(seq, 20) * 10)])));
        }
        long last = from + items.size();
        return ResponseEntity.ok(new CreditGradePage(items, "s" + last, last < market.size()));
    }

    @Override
    public ResponseEntity<MajorViolationPage> listMajorViolations(String after, Integer limit) {
        long from = MarketRegistryController.cursor(after);
        int n = limit == null ? 500 : Math.max(1, Math.min(1000, limit));
        long total = lists.taxItems();
        List<MajorViolation> items = new ArrayList<>();
        for (long seq = from + 1; seq <= Math.min(total, from + n); seq++) {
            MajorViolation v = lists.tax(seq);
            if (malformed(seq, 21)) {
                v.setUscc(ListsDataset.broken(v.getUscc()));
            }
            items.add(v);
        }
        long last = from + items.size();
        return ResponseEntity.ok(new MajorViolationPage(items, "s" + last, last < total));
    }

    boolean malformed(long seq, int salt) {
        double rate = faults.settings().malformedRate();
        return rate > 0 && market.unit(seq, salt) < rate;
    }
}
