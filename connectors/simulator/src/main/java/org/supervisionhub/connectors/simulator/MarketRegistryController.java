package org.supervisionhub.connectors.simulator;

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
    /** How many times each change was served (in a page that reached the controller), since the last reset. */
    private final java.util.concurrent.ConcurrentHashMap<Long, java.util.concurrent.atomic.AtomicInteger> served = new java.util.concurrent.ConcurrentHashMap<>();

    public MarketRegistryController(MarketDataset data, Faults faults) {
        this.data = data;
        this.faults = faults;
    }

    /** Whether change {@code seq} is served broken under the current switches (the same on every read). */
    public boolean malformed(long seq) {
        return faults.malformed(data.unit(seq, 7));
    }

    @Override
    public ResponseEntity<ChangePage> listChanges(String after, Integer limit) {
        Feeds.Slice<Change> page = Feeds.slice(after, limit, data.head(), seq -> {
            Change c = data.change(seq);
            if (malformed(seq)) {
                // Broken the way registries break: a required field missing, an identifier that fails its check, or a
                // region the hub does not know (only the graph can tell).
                double kind = data.unit(seq, 8);
                if (kind < 1.0 / 3) {
                    c.getEnterprise().setName(null);
                } else if (kind < 2.0 / 3) {
                    String bad = ListsDataset.broken(c.getUscc());
                    c.setUscc(bad);
                    c.getEnterprise().setUscc(bad);
                } else {
                    c.getEnterprise().setRegionCode(MarketDataset.UNKNOWN_REGION);
                }
            }
            return c;
        });
        page.items().stream().filter(c -> c.getSeq() != null).forEach(c -> served.computeIfAbsent(c.getSeq(), k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet());
        return ResponseEntity.ok(new ChangePage(page.items(), page.nextCursor(), page.hasMore()));
    }

    /** Per change, how many times it was served since the last {@link #resetServed()}. */
    public java.util.Map<Long, Integer> served() {
        java.util.Map<Long, Integer> out = new java.util.TreeMap<>();
        served.forEach((seq, n) -> out.put(seq, n.get()));
        return out;
    }

    public void resetServed() {
        served.clear();
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
        long head = data.head();
        Feeds.Slice<Enterprise> page = Feeds.slice(after, limit, data.size(), seq -> data.snapshot((int) seq - 1, head));
        EnterprisePage body = new EnterprisePage(page.items(), page.hasMore());
        return ResponseEntity.ok(page.hasMore() ? body.nextCursor(page.nextCursor()) : body);
    }
}
