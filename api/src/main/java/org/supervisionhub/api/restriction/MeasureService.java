package org.supervisionhub.api.restriction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supervisionhub.api.errors.Checks;
import org.supervisionhub.api.errors.DomainRefusals;
import org.supervisionhub.domain.restriction.MeasureDefinition;
import org.supervisionhub.graph.restriction.MeasureRepository;
import org.supervisionhub.domain.restriction.RestrictionDomain;
import org.supervisionhub.domain.restriction.Effect;
import org.supervisionhub.graph.restriction.Restrictions.Measure;
import org.supervisionhub.domain.restriction.Reach;
import org.supervisionhub.domain.restriction.TriggerType;
import org.supervisionhub.graph.restriction.TriggerRepository;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.supervisionhub.api.errors.ErrorCode;

/**
 * The measure catalogue: loaded from the reviewed file at start, listed and changed through the API. Every change
 * is a new version in force from the moment it is made; answers as of an earlier moment keep the version in force
 * then. Changes go to the change log that watchers follow, and through the API into the audit trail.
 */
@Service
public class MeasureService {

    private static final Logger log = LoggerFactory.getLogger(MeasureService.class);

    /** A measure as the API or the catalogue file gives it, before validation. */
    public record MeasureInput(String id, String triggerType, String domain, String effect, String reach, List<String> via,
                               Integer maxHops, BigDecimal minShare, String maxDuration, String legalBasis, String issuingAuthority,
                               LocalDate validFrom, LocalDate validTo, String description) {
    }

    /** What a catalogue load did. */
    public record LoadReport(int created, int updated, int unchanged, int keptFromApi) {
    }

    private final MeasureRepository measures;
    private final TriggerRepository triggers;
    private final ResourceLoader resources;
    private final Clock clock;
    private final ZoneId zone;

    public MeasureService(MeasureRepository measures, TriggerRepository triggers, ResourceLoader resources, Clock clock) {
        this.measures = measures;
        this.triggers = triggers;
        this.resources = resources;
        this.clock = clock;
        this.zone = clock.getZone();
    }

    /** The measures in force now, or as of {@code asOf}, of a domain and trigger type (both optional). */
    public List<Measure> list(String domain, String triggerType, OffsetDateTime asOf) {
        return asOf == null ? measures.current(null, domain, triggerType) : measures.inForce(asOf, domain, triggerType);
    }

    public Measure current(String id) {
        return measures.current(id).orElse(null);
    }

    /** Every version of the measures, for their history. */
    public List<Measure> versions(List<String> ids) {
        return measures.versions(ids);
    }

    /** Adds a version of the measure (or creates it) in force from now. */
    @Transactional
    public Measure upsert(MeasureInput input, String reason, String actor) {
        Checks checks = new Checks();
        checks.require("reason", reason);
        Measure candidate = validate(checks, "input.", input, 1, now(), actor, reason);
        checks.throwIfAny();
        measures.lock(candidate.id());
        Measure current = measures.current(candidate.id()).orElse(null);
        if (current != null && current.sameContent(candidate)) {
            return current;
        }
        // In force from now, also for a new measure: answers already given stay reproducible (invariant 5).
        Measure next = withVersion(candidate, current == null ? 1 : current.version() + 1, now());
        measures.addVersion(next);
        triggers.appendChange("MEASURE_CHANGED", null, null, next.id(), now());
        return measures.current(next.id()).orElseThrow();
    }

    /**
     * Loads the catalogue file: new measures are created in force from their validFrom, higher versions are added in
     * force from now, measures changed through the API since are kept. Replicas starting together take turns.
     */
    @Transactional
    public LoadReport loadCatalogue(String location) {
        List<Measure> file = parse(location);
        measures.lockCatalogue();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int kept = 0;
        // One read for the whole catalogue: a restart that changes nothing costs one query. API edits lock the
        // measure, so a measure about to be written is locked and read again.
        Map<String, Measure> stored = new java.util.HashMap<>();
        measures.current(null, null, null).forEach(m -> stored.put(m.id(), m));
        for (Measure m : file) {
            Measure current = stored.get(m.id());
            if (current == null || m.version() > current.version()) {
                measures.lock(m.id());
                current = measures.current(m.id()).orElse(null);
            }
            if (current == null) {
                measures.addVersion(withVersion(m, m.version(), startOf(m.validFrom())));
                created++;
            } else if (m.version() > current.version()) {
                measures.addVersion(withVersion(m, m.version(), now()));
                triggers.appendChange("MEASURE_CHANGED", null, null, m.id(), now());
                updated++;
            } else if (m.version() < current.version()) {
                kept++;
            } else if (current.sameContent(m)) {
                unchanged++;
            } else {
                throw new IllegalStateException("measure " + m.id() + " version " + m.version() + " in " + location
                        + " differs from the same version in the graph; give the change a new version");
            }
        }
        LoadReport report = new LoadReport(created, updated, unchanged, kept);
        log.info("Measure catalogue {}: {} measures ({} created, {} updated, {} unchanged, {} newer in the graph)", location, file.size(),
                created, updated, unchanged, kept);
        return report;
    }

    /** Parses and validates the whole file; any invalid measure stops the load with all problems listed. */
    List<Measure> parse(String location) {
        Map<String, Object> doc;
        try (InputStream in = resources.getResource(location).getInputStream()) {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the measure catalogue " + location, e);
        }
        Object list = doc == null ? null : doc.get("measures");
        if (!(list instanceof List<?> rows)) {
            throw new IllegalStateException(location + ": no 'measures' list");
        }
        Checks checks = new Checks();
        List<Measure> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> row = (Map<String, Object>) rows.get(i);
            String prefix = "measures[" + i + "].";
            MeasureInput input = new MeasureInput(str(row.get("id")), str(row.get("triggerType")), str(row.get("domain")),
                    str(row.get("effect")), str(row.get("reach")),
                    row.get("via") == null ? null : ((List<?>) row.get("via")).stream().map(String::valueOf).toList(),
                    row.get("maxHops") == null ? null : ((Number) row.get("maxHops")).intValue(),
                    row.get("minShare") == null ? null : new BigDecimal(String.valueOf(row.get("minShare"))), str(row.get("maxDuration")),
                    str(row.get("legalBasis")), str(row.get("issuingAuthority")), date(checks, prefix + "validFrom", row.get("validFrom")),
                    date(checks, prefix + "validTo", row.get("validTo")), str(row.get("description")));
            int version = row.get("version") instanceof Number n ? n.intValue() : 0;
            checks.check(version >= 1, prefix + "version", ErrorCode.INVALID_VALUE, prefix + "version: a positive integer", null);
            checks.check(input.id() == null || ids.add(input.id()), prefix + "id", ErrorCode.CONFLICT, prefix + "id: appears twice", null);
            out.add(validate(checks, prefix, input, Math.max(version, 1), null, "catalogue " + location, "catalogue file"));
        }
        if (!checks.ok()) {
            throw new IllegalStateException("invalid measure catalogue " + location + ": " + checks.violations());
        }
        return out;
    }

    /**
     * Checks a measure: the input is complete and names known values; the measure's own rules (reach, hops, share, via,
     * period, dates) are {@link MeasureDefinition}'s. Violations go to {@code checks} under {@code prefix}.
     */
    Measure validate(Checks checks, String prefix, MeasureInput in, int version, OffsetDateTime inForceFrom, String actor,
                     String reason) {
        checks.require(prefix + "id", in.id());
        checks.require(prefix + "legalBasis", in.legalBasis());
        checks.require(prefix + "validFrom", in.validFrom());
        TriggerType type = parse(checks, prefix + "triggerType", TriggerType.class, in.triggerType());
        RestrictionDomain domain = parse(checks, prefix + "domain", RestrictionDomain.class, in.domain());
        Effect effect = parse(checks, prefix + "effect", Effect.class, in.effect());
        Reach reach = parse(checks, prefix + "reach", Reach.class, in.reach());
        List<Reach> via = new ArrayList<>();
        if (in.via() != null) {
            for (String v : in.via()) {
                Reach r = parse(checks, prefix + "via", Reach.class, v);
                if (r != null && !via.contains(r)) {
                    via.add(r);
                }
            }
        }
        MeasureDefinition definition = new MeasureDefinition(type, domain, effect, reach, via, in.maxHops() == null ? 1 : in.maxHops(),
                in.minShare(), in.maxDuration(), in.validFrom(), in.validTo());
        DomainRefusals.violations(definition.violations(), s -> prefix + s).forEach(checks::add);
        return new Measure(in.id(), version, type, domain, effect, reach, definition.via(), definition.maxHops(), in.minShare(), in.maxDuration(),
                in.legalBasis(), in.issuingAuthority(), in.validFrom(), in.validTo(), in.description(), inForceFrom, null, actor, reason);
    }

    private static <E extends Enum<E>> E parse(Checks checks, String field, Class<E> type, String value) {
        if (value == null) {
            checks.require(field, null);
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            checks.check(false, field, ErrorCode.INVALID_VALUE, field + ": unknown " + type.getSimpleName() + " " + value, null);
            return null;
        }
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    private static LocalDate date(Checks checks, String field, Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof java.util.Date d) {
            return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        try {
            return LocalDate.parse(String.valueOf(o));
        } catch (DateTimeParseException e) {
            checks.check(false, field, ErrorCode.INVALID_VALUE, field + ": a date (YYYY-MM-DD)", null);
            return null;
        }
    }

    private static Measure withVersion(Measure m, int version, OffsetDateTime inForceFrom) {
        return new Measure(m.id(), version, m.triggerType(), m.domain(), m.effect(), m.reach(), m.via(), m.maxHops(), m.minShare(),
                m.maxDuration(), m.legalBasis(), m.issuingAuthority(), m.validFrom(), m.validTo(), m.description(), inForceFrom, null,
                m.changedBy(), m.changeReason());
    }

    /** A new measure is in force from the start of its validFrom day in the hub's zone. */
    private OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
