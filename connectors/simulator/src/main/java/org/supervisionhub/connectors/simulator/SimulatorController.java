package org.supervisionhub.connectors.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The simulator's own switches and state, under {@code /sim} (no faults apply here). */
@RestController
@RequestMapping("/sim")
public class SimulatorController {

    private final MarketDataset market;
    private final MarketRegistryController registry;
    private final Faults faults;
    private final CreditPlatformController credit;
    private final ListsDataset lists;

    public SimulatorController(MarketDataset market, MarketRegistryController registry, Faults faults, CreditPlatformController credit,
                               ListsDataset lists) {
        this.lists = lists;
        this.market = market;
        this.registry = registry;
        this.faults = faults;
        this.credit = credit;
    }

    @GetMapping("/state")
    public Map<String, Object> state() {
        return Map.of("marketHead", market.head(), "marketSize", market.size(), "faults", faults.settings(),
                "receivedResults", credit.received(), "duplicateDeliveries", credit.duplicates());
    }

    /** The idempotency keys of the results the platform recorded, in order (each once). */
    @GetMapping("/credit/received")
    public List<String> received() {
        return credit.keys();
    }

    /** How many times each idempotency key arrived at the platform (recorded or repeated): repeats show at-least-once delivery. */
    @GetMapping("/credit/arrivals")
    public Map<String, Integer> arrivals() {
        return credit.arrivals();
    }

    /**
     * {@code {"errorRate": 0.3, "latencyMs": 50, "malformedRate": 0.01, "outage": false, "slowRate": 0.05, "slowMs": 3000, "ackLossRate": 0.2}};
     * a switch left out is off, so {@code {"outage": true}} is an outage and nothing else.
     */
    @PutMapping("/faults")
    public Faults.Settings faults(@RequestBody Map<String, Object> switches) {
        faults.set(Faults.of(switches));
        return faults.settings();
    }

    /** A switch the simulator does not know, or a value out of range: 400 with the reason. */
    @org.springframework.web.bind.annotation.ExceptionHandler(IllegalArgumentException.class)
    public org.springframework.http.ResponseEntity<Map<String, Object>> badSwitch(IllegalArgumentException e) {
        return org.springframework.http.ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    /** Per change of the registry's feed, how many times it was served (replicas sharing a lease read each once). */
    @GetMapping("/market/served")
    public Map<Long, Integer> served() {
        return registry.served();
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/market/served")
    public void resetServed() {
        registry.resetServed();
    }

    /** Appends changes to the registry's feed now. */
    @PostMapping("/market/advance")
    public Map<String, Object> advance(@RequestParam int changes) {
        return Map.of("marketHead", market.advance(changes));
    }

    /** The tax list's and the joint-punishment lists' entries and the tax credit grades as they stand (the last item of each wins). */
    @GetMapping("/lists")
    public Map<String, Object> lists() {
        Map<String, Object> tax = new java.util.LinkedHashMap<>();
        for (long seq = 1; seq <= lists.taxItems(); seq++) {
            var v = lists.tax(seq);
            tax.put(v.getCaseId(), Map.of("uscc", v.getUscc(), "removed", v.getRemovedOn() != null));
        }
        Map<String, Object> credit = new java.util.LinkedHashMap<>();
        for (long seq = 1; seq <= lists.creditItems(); seq++) {
            var e = lists.credit(seq);
            credit.put(e.getEntryId(), Map.of("uscc", e.getUscc(), "removed", e.getRemovedOn() != null, "listType", e.getListType().getValue()));
        }
        Map<String, Object> grades = new java.util.LinkedHashMap<>();
        for (long seq = 1; seq <= lists.gradeItems(); seq++) {
            var g = lists.grade(seq);
            grades.put(g.getUscc() + ":" + g.getYear(), Map.of("uscc", g.getUscc(), "year", g.getYear(), "grade", g.getGrade().getValue()));
        }
        return Map.of("tax", tax, "credit", credit, "grades", grades);
    }

    /** Each subject's version as of change {@code upTo}: what a consumer that applied the feed up to there holds. */
    @GetMapping("/market/versions")
    public Map<String, Long> versions(@RequestParam long upTo) {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < market.size() && i < upTo; i++) {
            out.put(market.uscc(i), 1 + market.changesOf(i).stream().filter(seq -> seq <= upTo).count());
        }
        return out;
    }

    /** The changes up to the head that are served broken under the current switches. */
    @GetMapping("/market/malformed")
    public List<Long> malformed() {
        List<Long> out = new ArrayList<>();
        for (long seq = 1; seq <= market.head(); seq++) {
            if (registry.malformed(seq)) {
                out.add(seq);
            }
        }
        return out;
    }
}
