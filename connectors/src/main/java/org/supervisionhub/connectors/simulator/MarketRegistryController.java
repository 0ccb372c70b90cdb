package org.supervisionhub.connectors.simulator;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.supervisionhub.connectors.simulator.market.api.ChangesApi;
import org.supervisionhub.connectors.simulator.market.api.EnterprisesApi;
import org.supervisionhub.connectors.simulator.market.model.Change;
import org.supervisionhub.connectors.simulator.market.model.ChangePage;
import org.supervisionhub.connectors.simulator.market.model.Enterprise;
import org.supervisionhub.connectors.simulator.market.model.EnterprisePage;

/** The market registry, served from {@link MarketDataset} under {@code /market}, implementing the generated interfaces. */
@RestController
@RequestMapping("/market")
public class MarketRegistryController implements ChangesApi, EnterprisesApi {

    private final MarketDataset data;
    private final Faults faults;

    public MarketRegistryController(MarketDataset data, Faults faults) {
        this.data = data;
        this.faults = faults;
    }

    /** Whether change {@code seq} is served broken under the current switches (the same on every read). */
    public boolean malformed(long seq) {
        double rate = faults.settings().malformedRate();
        return rate > 0 && data.unit(seq, 7) < rate;
    }

    @Override
    public ResponseEntity<ChangePage> listChanges(String after, Integer limit) {
        long from = cursor(after);
        int n = limit == null ? 500 : Math.max(1, Math.min(1000, limit));
        long head = data.head();
        List<Change> changes = new ArrayList<>();
        for (long seq = from + 1; seq <= Math.min(head, from + n); seq++) {
            Change c = data.change(seq);
            if (malformed(seq)) {
                // Broken the way registries break: a required field missing, or an identifier that fails its check.
                if (data.unit(seq, 8) < 0.5) {
                    c.getEnterprise().setName(null);
                } else {
                    String bad = c.getUscc().substring(0, 17) + (c.getUscc().charAt(17) == '0' ? '1' : '0');
                    c.setUscc(bad);
                    c.getEnterprise().setUscc(bad);
                }
            }
            changes.add(c);
        }
        long last = from + changes.size();
        return ResponseEntity.ok(new ChangePage(changes, "s" + last, last < head));
    }

    @Override
    public ResponseEntity<Enterprise> getEnterprise(String uscc) {
        int index = data.indexOf(uscc);
        if (index < 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no subject " + uscc);
        }
        return ResponseEntity.ok(data.snapshot(index, data.head()));
    }

    @Override
    public ResponseEntity<EnterprisePage> listEnterprises(String after, Integer limit) {
        long from = cursor(after);
        int n = limit == null ? 500 : Math.max(1, Math.min(1000, limit));
        long head = data.head();
        List<Enterprise> items = new ArrayList<>();
        for (long i = from; i < Math.min(data.size(), from + n); i++) {
            items.add(data.snapshot((int) i, head));
        }
        long next = from + items.size();
        EnterprisePage page = new EnterprisePage(items, next < data.size());
        return ResponseEntity.ok(next < data.size() ? page.nextCursor("s" + next) : page);
    }

    static long cursor(String after) {
        if (after == null || after.isEmpty()) {
            return 0;
        }
        try {
            if (after.charAt(0) == 's') {
                return Long.parseLong(after.substring(1));
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "not a cursor of this registry: " + after);
    }
}
