package org.supervisionhub.api.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supervisionhub.api.directory.DirectoryInputs.EnterpriseInput;
import org.supervisionhub.api.directory.DirectoryInputs.PartyInput;
import org.supervisionhub.api.directory.DirectoryInputs.PersonInput;
import org.supervisionhub.api.directory.ImportReport.Rejection;
import org.supervisionhub.api.errors.Checks;
import org.supervisionhub.api.errors.InvalidInputException;
import org.supervisionhub.api.errors.Violation;
import org.supervisionhub.graph.directory.Directory.Enterprise;
import org.supervisionhub.graph.directory.Directory.EnterpriseData;
import org.supervisionhub.graph.directory.Directory.LinkData;
import org.supervisionhub.domain.directory.LinkType;
import org.supervisionhub.graph.directory.DirectoryRepository;
import org.supervisionhub.graph.directory.DirectoryRepository.RosterChangeData;
import org.supervisionhub.graph.organisation.OrganisationRepository;
import org.supervisionhub.api.errors.ErrorCode;

/**
 * Bulk import of enterprises and their links from CSV. Every row is validated on its own; good rows
 * are written together in one transaction, bad rows are reported with line, field and reason.
 */
@Service
public class EnterpriseImportService {

    static final String ENTERPRISES = "enterprisesCsv";
    static final String LINKS = "linksCsv";
    static final List<String> ENTERPRISE_COLUMNS = List.of("uscc", "name", "orgType", "regionCode");
    static final List<String> LINK_COLUMNS = List.of("type", "toUscc", "validFrom");
    static final Set<String> ORG_TYPES = Set.of("COMPANY", "INDIVIDUAL_BUSINESS", "PRIVATE_NON_ENTERPRISE_UNIT", "PARTNERSHIP",
            "FOUNDATION", "STATE_ORGAN", "PUBLIC_INSTITUTION", "SOCIAL_ORGANISATION");
    static final Set<String> SCALES = Set.of("LARGE", "MEDIUM", "SMALL", "MICRO");
    static final Set<String> STATUSES = Set.of("ACTIVE", "SUSPENDED", "REVOKED", "DEREGISTERED");
    static final Set<String> RISK = Set.of("A", "B", "C", "D");
    static final Set<String> GRADES = Set.of("A", "B", "C");
    static final Set<String> LINK_TYPES = Set.of("LEGAL_REPRESENTATIVE", "OFFICER", "SHAREHOLDER", "BRANCH");
    static final Set<String> ROLES = Set.of("DIRECTOR", "MANAGER", "SUPERVISOR");

    private final DirectoryService service;
    private final DirectoryRepository directory;
    private final OrganisationRepository organisation;

    public EnterpriseImportService(DirectoryService service, DirectoryRepository directory, OrganisationRepository organisation) {
        this.service = service;
        this.directory = directory;
        this.organisation = organisation;
    }

    /**
     * Loads the good rows in one transaction. {@code inJurisdiction} tells which region codes the
     * caller may write: rows for, or moving enterprises from, other regions are rejected as FORBIDDEN,
     * as are links to enterprises outside them.
     */
    @Transactional
    public ImportReport importEnterprises(String enterprisesCsv, String linksCsv, Predicate<String> inJurisdiction) {
        List<Rejection> rejections = new ArrayList<>();
        Map<String, EnterpriseData> accepted = enterprises(enterprisesCsv, rejections, inJurisdiction);
        List<LinkData> links = new ArrayList<>();
        Map<String, String> newPersons = new LinkedHashMap<>();
        if (linksCsv != null && !linksCsv.isBlank()) {
            links = links(linksCsv, accepted.keySet(), newPersons, rejections, inJurisdiction);
        }
        if (!accepted.isEmpty()) {
            directory.upsertEnterprises(List.copyOf(accepted.values()), service.today(), service.now());
            // ROS-03: an import is a roster update discovered today.
            directory.recordRosterChanges("TARGET", accepted.keySet().stream()
                    .map(u -> new RosterChangeData("UPDATED", u, service.today(), service.today())).toList(), service.now());
        }
        if (!newPersons.isEmpty()) {
            directory.upsertPersons(newPersons, service.now());
        }
        directory.upsertLinks(links, service.now());
        List<String> keys = new ArrayList<>(accepted.keySet());
        links.forEach(l -> keys.add(l.toUscc()));
        return ImportReport.of(accepted.size() + links.size(), rejections, keys.stream().distinct().toList());
    }

    private Map<String, EnterpriseData> enterprises(String csv, List<Rejection> rejections, Predicate<String> inJurisdiction) {
        List<CsvImport.Row> rows = CsvImport.parse(csv, ENTERPRISES, ENTERPRISE_COLUMNS);
        Map<Integer, EnterpriseData> candidates = new LinkedHashMap<>();
        Set<String> regions = new HashSet<>();
        Set<String> departments = new HashSet<>();
        Map<String, Integer> firstLineOf = new HashMap<>();
        for (CsvImport.Row row : rows) {
            EnterpriseInput in = new EnterpriseInput(row.text("uscc"), row.text("name"), row.oneOf("orgType", ORG_TYPES),
                    row.text("industry"), row.oneOf("scale", SCALES), row.oneOf("status", STATUSES),
                    row.oneOf("creditRiskClass", RISK), row.oneOf("integrityGrade", GRADES), row.text("regionCode"),
                    row.text("registrationAuthorityId"), row.date("establishedOn"), row.text("address"), null);
            EnterpriseData data = service.validate(in, row.checks());
            if (data.uscc() != null && firstLineOf.putIfAbsent(data.uscc(), row.line()) != null) {
                row.checks().add(Violation.of("uscc", ErrorCode.CONFLICT, "uscc " + data.uscc() + " already on line " + firstLineOf.get(data.uscc())));
            }
            if (reject(ENTERPRISES, row, rejections)) {
                continue;
            }
            candidates.put(row.line(), data);
            regions.add(data.regionCode());
            if (data.registeredWith() != null) {
                departments.add(data.registeredWith());
            }
        }
        Set<String> knownRegions = organisation.regions(regions).keySet();
        Set<String> knownDepartments = organisation.departments(departments).keySet();
        Map<String, Enterprise> existing = directory.enterprises(candidates.values().stream().map(EnterpriseData::uscc).toList());
        Map<String, EnterpriseData> accepted = new LinkedHashMap<>();
        candidates.forEach((line, d) -> {
            Enterprise before = existing.get(d.uscc());
            if (!knownRegions.contains(d.regionCode())) {
                rejections.add(new Rejection(ENTERPRISES, line, "regionCode", ErrorCode.NOT_FOUND, "regionCode: no region " + d.regionCode()));
            } else if (!inJurisdiction.test(d.regionCode()) || before != null && !inJurisdiction.test(before.regionCode())) {
                rejections.add(new Rejection(ENTERPRISES, line, "regionCode", ErrorCode.FORBIDDEN,
                        "regionCode: the enterprise lies outside the caller's jurisdiction"));
            } else if (d.registeredWith() != null && !knownDepartments.contains(d.registeredWith())) {
                rejections.add(new Rejection(ENTERPRISES, line, "registrationAuthorityId", ErrorCode.NOT_FOUND,
                        "registrationAuthorityId: no department " + d.registeredWith()));
            } else {
                accepted.put(d.uscc(), d);
            }
        });
        return accepted;
    }

    private List<LinkData> links(String csv, Set<String> importedUsccs, Map<String, String> newPersons, List<Rejection> rejections,
                                 Predicate<String> inJurisdiction) {
        List<CsvImport.Row> rows = CsvImport.parse(csv, LINKS, LINK_COLUMNS);
        Map<Integer, LinkData> candidates = new LinkedHashMap<>();
        Map<String, String> personNames = new HashMap<>();
        for (CsvImport.Row row : rows) {
            String type = row.oneOf("type", LINK_TYPES);
            String nationalId = row.text("fromNationalId");
            String personId = row.text("fromPersonId");
            if (nationalId != null && personId == null) {
                personId = service.resolvePersonId(new PersonInput(null, nationalId, null));
            }
            PartyInput from = new PartyInput(row.text("fromUscc"), personId);
            try {
                LinkData data = service.validateLink(type == null ? null : LinkType.valueOf(type), from, row.text("toUscc"),
                        row.oneOf("role", ROLES), row.decimal("sharePct"), row.date("validFrom"), row.date("validTo"),
                        row.checks(), false);
                candidates.put(row.line(), data);
                if (data.fromPerson() && row.text("fromName") != null) {
                    personNames.put(data.fromKey(), row.text("fromName"));
                }
            } catch (InvalidInputException e) {
                // validateLink recorded its violations in the row's checks before throwing.
                reject(LINKS, row, rejections);
            }
        }
        Set<String> enterpriseKeys = new HashSet<>();
        Set<String> personKeys = new HashSet<>();
        candidates.values().forEach(l -> {
            enterpriseKeys.add(l.toUscc());
            (l.fromPerson() ? personKeys : enterpriseKeys).add(l.fromKey());
        });
        Map<String, Enterprise> existing = directory.enterprises(enterpriseKeys);
        Set<String> knownEnterprises = new HashSet<>(existing.keySet());
        knownEnterprises.addAll(importedUsccs);
        Set<String> knownPersons = directory.existingPersons(personKeys);
        List<LinkData> accepted = new ArrayList<>();
        candidates.forEach((line, l) -> {
            if (!knownEnterprises.contains(l.toUscc())) {
                rejections.add(new Rejection(LINKS, line, "toUscc", ErrorCode.NOT_FOUND, "toUscc: no enterprise " + l.toUscc()));
            } else if (!importedUsccs.contains(l.toUscc()) && !inJurisdiction.test(existing.get(l.toUscc()).regionCode())) {
                rejections.add(new Rejection(LINKS, line, "toUscc", ErrorCode.FORBIDDEN, "toUscc: the enterprise lies outside the caller's jurisdiction"));
            } else if (!l.fromPerson() && !knownEnterprises.contains(l.fromKey())) {
                rejections.add(new Rejection(LINKS, line, "fromUscc", ErrorCode.NOT_FOUND, "fromUscc: no enterprise " + l.fromKey()));
            } else if (l.fromPerson() && !knownPersons.contains(l.fromKey()) && !personNames.containsKey(l.fromKey())) {
                rejections.add(new Rejection(LINKS, line, "fromPersonId", ErrorCode.NOT_FOUND,
                        "fromPersonId: no person " + l.fromKey() + " (give fromName to create one)"));
            } else {
                if (l.fromPerson() && !knownPersons.contains(l.fromKey())) {
                    newPersons.put(l.fromKey(), personNames.get(l.fromKey()));
                }
                accepted.add(l);
            }
        });
        return accepted;
    }

    private static boolean reject(String file, CsvImport.Row row, List<Rejection> rejections) {
        if (row.checks().ok()) {
            return false;
        }
        for (Violation v : row.checks().violations()) {
            rejections.add(new Rejection(file, row.line(), v.field(), v.code(), v.message()));
        }
        return true;
    }
}
