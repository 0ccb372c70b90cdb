package org.supervisionhub.api.roster;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supervisionhub.api.directory.CsvImport;
import org.supervisionhub.api.directory.ImportReport;
import org.supervisionhub.api.directory.ImportReport.Rejection;
import org.supervisionhub.api.errors.Checks;
import org.supervisionhub.api.errors.DomainRefusals;
import org.supervisionhub.api.errors.InvalidInputException;
import org.supervisionhub.api.errors.NotFoundException;
import org.supervisionhub.api.errors.Violation;
import org.supervisionhub.api.roster.RosterInputs.ConflictInput;
import org.supervisionhub.api.roster.RosterInputs.InspectorInput;
import org.supervisionhub.api.roster.RosterInputs.InspectorScope;
import org.supervisionhub.domain.Outcome;
import org.supervisionhub.domain.roster.InspectorEntry;
import org.supervisionhub.domain.roster.RosterChange;
import org.supervisionhub.graph.directory.DirectoryRepository;
import org.supervisionhub.graph.directory.DirectoryRepository.RosterChangeData;
import org.supervisionhub.graph.organisation.Organisation.Unit;
import org.supervisionhub.graph.organisation.OrganisationRepository;
import org.supervisionhub.graph.roster.Roster.Change;
import org.supervisionhub.graph.roster.Roster.Conflict;
import org.supervisionhub.graph.roster.Roster.Inspector;
import org.supervisionhub.graph.roster.Roster.InspectorFilter;
import org.supervisionhub.graph.roster.Roster.InspectorData;
import org.supervisionhub.graph.roster.RosterRepository;
import org.supervisionhub.graph.roster.RosterRepository.InspectorState;
import org.supervisionhub.graph.store.Page;
import org.supervisionhub.api.errors.ErrorCode;

/** Writes to the inspector roster: entries, conflicts, CSV import; each write is one transaction. */
@Service
public class RosterService {

    static final Set<String> GENDERS = Set.of("FEMALE", "MALE");

    private final RosterRepository roster;
    private final DirectoryRepository directory;
    private final OrganisationRepository organisation;
    private final Clock clock;

    public RosterService(RosterRepository roster, DirectoryRepository directory, OrganisationRepository organisation, Clock clock) {
        this.roster = roster;
        this.directory = directory;
        this.organisation = organisation;
        this.clock = clock;
    }

    @Transactional
    public Inspector upsert(InspectorInput in) {
        Checks checks = new Checks();
        InspectorData data = validate(in, checks);
        // ROS-11: inspector roster changes count from the day the staff change occurred.
        Outcome<RosterChange> change = RosterChange.inspector(in.change() == null ? null : in.change().occurredOn(), today());
        DomainRefusals.violations(change.violations(), f -> "change." + f).forEach(checks::add);
        checks.throwIfAny();
        checkReferences(data);
        boolean existed = roster.inspector(data.inspectorId()).isPresent();
        roster.upsert(data, now());
        RosterChange c = change.orElseThrow(DomainRefusals.asArguments());
        directory.recordRosterChanges("INSPECTOR", List.of(new RosterChangeData(existed ? "UPDATED" : "ADDED",
                data.inspectorId(), c.occurredOn(), c.discoveredOn())), now());
        return roster.inspector(data.inspectorId()).orElseThrow();
    }

    @Transactional
    public Inspector declareConflict(ConflictInput in) {
        Checks checks = new Checks();
        checks.require("inspectorId", in.inspectorId()).require("reason", in.reason()).require("counterpart", in.counterpart());
        String target = null;
        if (in.counterpart() != null) {
            boolean uscc = in.counterpart().uscc() != null;
            checks.check(uscc != (in.counterpart().personId() != null), "counterpart", ErrorCode.REQUIRED,
                    "give exactly one of uscc or personId", null);
            target = uscc ? checks.uscc("counterpart.uscc", in.counterpart().uscc())
                    : checks.personId("counterpart.personId", in.counterpart().personId());
        }
        checks.throwIfAny();
        if (roster.inspector(in.inspectorId()).isEmpty()) {
            throw new NotFoundException("inspectorId", "no inspector " + in.inspectorId());
        }
        LocalDate declared = in.declaredOn() == null ? today() : in.declaredOn();
        // ASSIGN-03: a declared conflict is what later recusal checks read.
        if (!roster.declareConflict(in.inspectorId(), target, in.reason().strip(), declared)) {
            throw new NotFoundException("counterpart", "no enterprise or person " + target);
        }
        return roster.inspector(in.inspectorId()).orElseThrow();
    }

    /**
     * Loads the good rows in one transaction; rows whose unit, or whose existing inspector, lies in
     * a department {@code mayActFor} rejects are refused as FORBIDDEN.
     */
    @Transactional
    public ImportReport importInspectors(String csv, Predicate<String> mayActFor) {
        List<CsvImport.Row> rows = CsvImport.parse(csv, "csv",
                List.of("inspectorId", "name", "certificateNo", "certificateValidFrom", "certificateValidTo", "unitId"));
        List<Rejection> rejections = new ArrayList<>();
        Map<Integer, InspectorData> candidates = new LinkedHashMap<>();
        Map<String, Integer> idLines = new HashMap<>();
        Map<String, Integer> certLines = new HashMap<>();
        for (var row : rows) {
            String expertise = row.text("expertise");
            InspectorInput in = new InspectorInput(row.text("inspectorId"), row.text("name"), row.oneOf("gender", GENDERS),
                    row.integer("birthYear"), row.text("certificateNo"), row.date("certificateValidFrom"),
                    row.date("certificateValidTo"), row.text("enforcementCategory"),
                    expertise == null ? List.of() : List.of(expertise.split("\\s*;\\s*")), row.text("phone"),
                    row.text("position"), row.text("unitId"), row.date("onRosterFrom"), null, row.text("personId"), null);
            InspectorData d = validate(in, row.checks());
            if (d.inspectorId() != null && idLines.putIfAbsent(d.inspectorId(), row.line()) != null) {
                row.checks().add(Violation.of("inspectorId", ErrorCode.CONFLICT, "inspectorId already on line " + idLines.get(d.inspectorId())));
            }
            if (d.certificateNo() != null && certLines.putIfAbsent(d.certificateNo(), row.line()) != null) {
                row.checks().add(Violation.of("certificateNo", ErrorCode.CONFLICT, "certificateNo already on line " + certLines.get(d.certificateNo())));
            }
            if (row.checks().ok()) {
                candidates.put(row.line(), d);
            } else {
                row.checks().violations().forEach(v -> rejections.add(new Rejection("csv", row.line(), v.field(), v.code(), v.message())));
            }
        }
        Map<String, Unit> unitsById = organisation.units(candidates.values().stream().map(InspectorData::unitId).distinct().toList());
        Set<String> units = unitsById.keySet();
        Map<String, Inspector> existing = roster.inspectors(candidates.values().stream().map(InspectorData::inspectorId).toList());
        Set<String> persons = directory.existingPersons(candidates.values().stream().map(InspectorData::personId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        Map<String, String> holders = roster.certificateHolders(candidates.values().stream().map(InspectorData::certificateNo).toList());
        List<InspectorData> accepted = new ArrayList<>();
        candidates.forEach((line, d) -> {
            try {
                checkReferences(d, units, persons, holders);
                Inspector before = existing.get(d.inspectorId());
                if (!mayActFor.test(unitsById.get(d.unitId()).departmentId())
                        || before != null && !mayActFor.test(before.departmentId())) {
                    rejections.add(new Rejection("csv", line, "unitId", ErrorCode.FORBIDDEN,
                            "unitId: the inspector belongs to a department the caller does not act for"));
                    return;
                }
                accepted.add(d);
            } catch (InvalidInputException e) {
                e.violations().forEach(v -> rejections.add(new Rejection("csv", line, v.field(), v.code(), v.message())));
            } catch (NotFoundException e) {
                rejections.add(new Rejection("csv", line, e.field(), ErrorCode.NOT_FOUND, e.getMessage()));
            }
        });
        if (!accepted.isEmpty()) {
            roster.upsertAll(accepted, now());
            // ROS-11: an import is a roster update that occurred today.
            directory.recordRosterChanges("INSPECTOR", accepted.stream()
                    .map(d -> new RosterChangeData("UPDATED", d.inspectorId(), today(), today())).toList(), now());
        }
        return ImportReport.of(accepted.size(), rejections, accepted.stream().map(InspectorData::inspectorId).toList());
    }

    // ---- reads, for the roster's controller

    public Optional<Inspector> inspector(String inspectorId) {
        return roster.inspector(inspectorId);
    }

    public Page<Inspector> search(InspectorFilter filter, int first, String after) {
        return roster.search(filter, first, after);
    }

    /** The units of a scope: one unit, or every unit of a department (and, if asked, of its subordinates). */
    public List<String> unitsIn(InspectorScope scope) {
        boolean byDepartment = scope.departmentId() != null;
        if (byDepartment == (scope.unitId() != null)) {
            throw InvalidInputException.of("scope", ErrorCode.REQUIRED, "give exactly one of scope.departmentId or scope.unitId", null);
        }
        if (!byDepartment) {
            if (organisation.units(List.of(scope.unitId())).isEmpty()) {
                throw new NotFoundException("scope.unitId", "no unit " + scope.unitId());
            }
            return List.of(scope.unitId());
        }
        List<String> departments = Boolean.TRUE.equals(scope.includeSubordinates())
                ? organisation.departmentAndSubordinates(scope.departmentId()) : List.of(scope.departmentId());
        if (departments.isEmpty() || organisation.department(scope.departmentId()).isEmpty()) {
            throw new NotFoundException("scope.departmentId", "no department " + scope.departmentId());
        }
        List<String> units = new ArrayList<>();
        organisation.unitsOf(departments).values().forEach(l -> l.forEach(u -> units.add(u.id())));
        return units;
    }

    public Map<String, Unit> units(Collection<String> unitIds) {
        return organisation.units(unitIds);
    }

    public Map<String, List<Conflict>> conflicts(Collection<String> inspectorIds) {
        return roster.conflicts(inspectorIds);
    }

    /** Change history of each roster entry (an inspector or a target enterprise), most recently recorded first. */
    public Map<String, List<Change>> changesOf(Collection<String> subjectKeys) {
        return roster.changesOf(subjectKeys);
    }

    /** Each inspector's roster state on {@code day} as known at {@code knownAt} (ROS-11). */
    public Map<String, InspectorState> inspectorStatesAsOf(Collection<String> ids, LocalDate day, OffsetDateTime knownAt) {
        return roster.inspectorStatesAsOf(ids, day, knownAt);
    }

    private InspectorData validate(InspectorInput in, Checks checks) {
        checks.require("inspectorId", in.inspectorId()).require("name", in.name()).require("unitId", in.unitId());
        // ROS-13, ASSIGN-02: the entry decides its certificate, roster period and birth year.
        checks.addAll(entry(in).violations(today()));
        String personId = in.personId() == null ? null : checks.personId("personId", in.personId());
        List<String> expertise = in.expertise() == null ? List.of()
                : in.expertise().stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        return new InspectorData(in.inspectorId() == null ? null : in.inspectorId().strip(), in.name() == null ? null : in.name().strip(),
                in.gender(), in.birthYear(), in.certificateNo() == null ? null : in.certificateNo().strip(), in.certificateValidFrom(),
                in.certificateValidTo(), in.enforcementCategory(), expertise, in.phone(), in.position(),
                in.onRosterFrom() == null ? today() : in.onRosterFrom(), in.onRosterTo(), in.unitId(), personId);
    }

    private void checkReferences(InspectorData d) {
        checkReferences(d, organisation.units(List.of(d.unitId())).keySet(),
                d.personId() == null ? Set.of() : directory.existingPersons(List.of(d.personId())),
                roster.certificateHolders(List.of(d.certificateNo())));
    }

    private void checkReferences(InspectorData d, Set<String> units, Set<String> persons, Map<String, String> holders) {
        if (!units.contains(d.unitId())) {
            throw new NotFoundException("unitId", "no unit " + d.unitId());
        }
        if (d.personId() != null && !persons.contains(d.personId())) {
            throw new NotFoundException("personId", "no person " + d.personId());
        }
        List<org.supervisionhub.domain.Violation> taken = entry(d).certificateFree(holders.get(d.certificateNo()));
        if (!taken.isEmpty()) {
            throw DomainRefusals.asArguments().apply(taken);
        }
    }

    /** An input as the roster's domain sees it (the certificate number stripped, as it is stored). */
    private static InspectorEntry entry(InspectorInput in) {
        return new InspectorEntry(in.inspectorId() == null ? null : in.inspectorId().strip(), in.certificateNo() == null ? null : in.certificateNo().strip(),
                in.certificateValidFrom(), in.certificateValidTo(), in.onRosterFrom(), in.onRosterTo(), in.birthYear());
    }

    private static InspectorEntry entry(InspectorData d) {
        return new InspectorEntry(d.inspectorId(), d.certificateNo(), d.certificateValidFrom(), d.certificateValidTo(), d.onRosterFrom(),
                d.onRosterTo(), d.birthYear());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

}
