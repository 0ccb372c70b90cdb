package org.supervisionhub.connectors.sync;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.supervisionhub.graph.restriction.Restrictions.SourceSystem;
import org.supervisionhub.graph.restriction.Restrictions.Trigger;
import org.supervisionhub.domain.restriction.TriggerType;
import org.supervisionhub.graph.restriction.TriggerRepository;

/**
 * A source's list entries as the listings restriction checks consume (JOINT-01, JOINT-02), with the change log their subscribers follow:
 * an entry seen for the first time is listed; one seen with its removal date ends (once). Idempotent by entry id.
 */
public final class Listings {

    static final ZoneId CST = ZoneId.of("Asia/Shanghai");

    /** One list entry of a source. */
    public record Entry(String entryId, String uscc, TriggerType type, LocalDate listedOn, LocalDate removedOn, String authority, String reason,
                        String legalBasis, String removalReason) {
    }

    private Listings() {
    }

    /** Applies the entries' latest states (later ones win); returns how many listings were created or ended. */
    public static long apply(TriggerRepository triggers, SourceSystem source, Collection<Entry> entries, OffsetDateTime now) {
        Map<String, Entry> latest = new LinkedHashMap<>();
        entries.forEach(e -> latest.put(e.entryId(), e));
        if (latest.isEmpty()) {
            return 0;
        }
        String actor = "sync:" + source.name();
        Map<String, List<Trigger>> existing = triggers.bySourceRef(latest.keySet());
        long changed = 0;
        for (Entry e : latest.values()) {
            Trigger t = existing.getOrDefault(e.entryId(), List.of()).stream().filter(x -> x.source() == source).findFirst().orElse(null);
            String id = t != null ? t.id() : prefix(source) + e.entryId();
            if (t == null) {
                if (!triggers.create(new Trigger(id, e.type().kind(), e.type(), e.uscc(), null, e.authority(), e.legalBasis(), e.reason(), null,
                        List.of(), null, startOf(e.listedOn()), e.listedOn(), null, null, null, source, e.entryId(), now, actor))) {
                    throw new IllegalStateException("enterprise " + e.uscc() + " is not in the graph");
                }
                triggers.appendChange("LISTED", id, e.uscc(), null, now);
                changed++;
            }
            if (e.removedOn() != null && (t == null || t.removedAt() == null)) {
                triggers.remove(id, startOf(e.removedOn()), e.removalReason() == null ? "移出名单" : e.removalReason(), actor, now);
                triggers.appendChange("REMOVED", id, e.uscc(), null, now);
                changed++;
            }
        }
        return changed;
    }

    private static String prefix(SourceSystem source) {
        return switch (source) {
            case MARKET_SUPERVISION -> "MS-";
            case TAX -> "TX-";
            case CREDIT_PLATFORM -> "CP-";
            case HUB -> "";
        };
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(CST).toOffsetDateTime();
    }
}
