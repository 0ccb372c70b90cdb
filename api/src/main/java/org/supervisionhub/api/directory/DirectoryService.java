package org.supervisionhub.api.directory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supervisionhub.api.HubProperties;
import org.supervisionhub.api.directory.DirectoryInputs.EndLinkInput;
import org.supervisionhub.api.directory.DirectoryInputs.EnterpriseFilterInput;
import org.supervisionhub.api.directory.DirectoryInputs.EnterpriseInput;
import org.supervisionhub.api.directory.DirectoryInputs.LinkInput;
import org.supervisionhub.api.directory.DirectoryInputs.PartyInput;
import org.supervisionhub.api.directory.DirectoryInputs.PersonInput;
import org.supervisionhub.api.errors.Checks;
import org.supervisionhub.api.errors.DomainRefusals;
import org.supervisionhub.api.errors.InvalidInputException;
import org.supervisionhub.api.errors.NotFoundException;
import org.supervisionhub.api.errors.Violation;
import org.supervisionhub.graph.directory.Directory.Direction;
import org.supervisionhub.graph.directory.Directory.Enterprise;
import org.supervisionhub.graph.directory.Directory.EnterpriseData;
import org.supervisionhub.graph.directory.Directory.EnterpriseFilter;
import org.supervisionhub.graph.directory.Directory.EnterpriseOrder;
import org.supervisionhub.graph.directory.Directory.Link;
import org.supervisionhub.graph.directory.Directory.LinkData;
import org.supervisionhub.domain.directory.LinkType;
import org.supervisionhub.graph.directory.Directory.Person;
import org.supervisionhub.graph.directory.Directory.TaxCreditGrade;
import org.supervisionhub.graph.directory.DirectoryRepository;
import org.supervisionhub.graph.directory.DirectoryRepository.EnterpriseState;
import org.supervisionhub.graph.directory.DirectoryRepository.LinkPage;
import org.supervisionhub.graph.directory.DirectoryRepository.PersonOwners;
import org.supervisionhub.domain.directory.DirectoryLink;
import org.supervisionhub.domain.directory.EnterpriseRecord;
import org.supervisionhub.domain.directory.PersonId;
import org.supervisionhub.domain.directory.Uscc;
import org.supervisionhub.domain.roster.RosterChange;
import org.supervisionhub.graph.organisation.Organisation.Department;
import org.supervisionhub.graph.organisation.Organisation.Region;
import org.supervisionhub.graph.organisation.OrganisationRepository;
import org.supervisionhub.graph.store.Page;
import org.supervisionhub.api.errors.ErrorCode;

/** Validates and writes enterprises, persons and links; every write is one transaction. */
@Service
public class DirectoryService {

    private final DirectoryRepository directory;
    private final OrganisationRepository organisation;
    private final Clock clock;
    private final byte[] personIdKey;

    public DirectoryService(DirectoryRepository directory, OrganisationRepository organisation, Clock clock,
                            HubProperties properties) {
        this.directory = directory;
        this.organisation = organisation;
        this.clock = clock;
        this.personIdKey = properties.personIdKey().getBytes(StandardCharsets.UTF_8);
    }

    /** Validates an enterprise input without touching the graph's write side. */
    EnterpriseData validate(EnterpriseInput in, Checks checks) {
        String uscc = checks.uscc("uscc", in.uscc());
        checks.require("name", in.name()).require("orgType", in.orgType()).require("regionCode", in.regionCode());
        checks.addAll(EnterpriseRecord.establishment(in.establishedOn(), today()));
        return new EnterpriseData(uscc, in.name() == null ? null : in.name().strip(), in.orgType(), in.industry(),
                in.scale(), in.status() == null ? "ACTIVE" : in.status(), in.creditRiskClass(), in.integrityGrade(),
                in.regionCode(), in.registrationAuthorityId(), in.establishedOn(), in.address());
    }

    /** Checks, after validation and before any write, that the caller may write records of a region. */
    @FunctionalInterface
    public interface Jurisdiction {
        void require(String regionCode, String field);
    }

    @Transactional
    public Enterprise upsertEnterprise(EnterpriseInput in, Jurisdiction jurisdiction) {
        Checks checks = new Checks();
        EnterpriseData data = validate(in, checks);
        checks.throwIfAny();
        if (organisation.regions(List.of(data.regionCode())).isEmpty()) {
            throw new NotFoundException("regionCode", "no region " + data.regionCode());
        }
        if (data.registeredWith() != null && organisation.department(data.registeredWith()).isEmpty()) {
            throw new NotFoundException("registrationAuthorityId", "no department " + data.registeredWith());
        }
        LocalDate today = today();
        // ROS-03: target roster changes are measured from discovery; the record makes that reportable.
        RosterChange change = RosterChange.target(in.change() == null ? null : in.change().occurredOn(),
                in.change() == null ? null : in.change().discoveredOn(), today).orElseThrow(DomainRefusals.at(f -> "change." + f));
        jurisdiction.require(data.regionCode(), "regionCode");
        // Moving an enterprise needs jurisdiction over where it was as well as where it goes.
        directory.enterprise(data.uscc()).ifPresent(e -> jurisdiction.require(e.regionCode(), "uscc"));
        boolean created = directory.upsertEnterprise(data, today, now());
        directory.recordRosterChange("TARGET", created ? "ADDED" : "UPDATED", data.uscc(), change.occurredOn(), change.discoveredOn(), now());
        return directory.enterprise(data.uscc()).orElseThrow();
    }

    @Transactional
    public Person upsertPerson(PersonInput in) {
        String personId = resolvePersonId(in);
        return directory.upsertPerson(personId, in.name() == null ? null : in.name().strip(), now());
    }

    /** The person id of an input: the given pseudonym, or the pseudonym of the national ID. */
    String resolvePersonId(PersonInput in) {
        boolean hasId = in.personId() != null && !in.personId().isBlank();
        boolean hasNational = in.nationalId() != null && !in.nationalId().isBlank();
        if (hasId == hasNational) {
            throw InvalidInputException.of("personId", ErrorCode.REQUIRED, "give exactly one of personId or nationalId", null);
        }
        if (hasId) {
            Checks checks = new Checks();
            String id = checks.personId("personId", in.personId());
            checks.throwIfAny();
            return id;
        }
        return PersonId.pseudonymise(personIdKey, in.nationalId()).value();
    }

    /** A link belongs to the jurisdiction of the enterprise it points to. */
    @Transactional
    public Link upsertLink(LinkInput in, Jurisdiction jurisdiction) {
        LinkData data = validateLink(in.type(), in.from(), in.toUscc(), in.role(), in.sharePct(), in.validFrom(),
                in.validTo(), new Checks(), true);
        jurisdiction.require(directory.enterprise(data.toUscc()).orElseThrow().regionCode(), "toUscc");
        directory.upsertLink(data, now());
        return findLink(data.type(), data.fromKey(), data.toUscc(), data.validFrom());
    }

    @Transactional
    public Link endLink(EndLinkInput in, Jurisdiction jurisdiction) {
        Checks checks = new Checks();
        String from = partyKey(in.from(), "from.", checks);
        String to = checks.uscc("toUscc", in.toUscc());
        checks.require("validFrom", in.validFrom()).require("validTo", in.validTo());
        checks.addAll(DirectoryLink.endViolations(in.validFrom(), in.validTo()));
        checks.throwIfAny();
        directory.enterprise(to).ifPresent(e -> jurisdiction.require(e.regionCode(), "toUscc"));
        if (!directory.endLink(in.type(), from, to, in.validFrom(), in.validTo(), now())) {
            throw new NotFoundException("", "no " + in.type() + " link from " + from + " to " + to + " starting " + in.validFrom());
        }
        return findLink(in.type(), from, to, in.validFrom());
    }

    /** Validates a link and that both ends exist (unless {@code checkEnds} is false); throws on any violation. */
    LinkData validateLink(LinkType type, PartyInput fromIn, String toUscc, String role, Double sharePct,
                          LocalDate validFrom, LocalDate validTo, Checks checks, boolean checkEnds) {
        checks.require("type", type).require("validFrom", validFrom);
        String from = fromIn == null ? null : partyKey(fromIn, "from.", checks);
        if (fromIn == null) {
            checks.require("from", null);
        }
        String to = checks.uscc("toUscc", toUscc);
        boolean fromPerson = fromIn != null && fromIn.personId() != null;
        // The link's own shape (who may be a legal representative, an officer, a shareholder, a branch) is the domain's.
        checks.addAll(new DirectoryLink(type, from, fromPerson, to, role, sharePct, validFrom, validTo).violations());
        checks.throwIfAny();
        if (checkEnds) {
            if (fromPerson ? directory.person(from).isEmpty() : directory.enterprise(from).isEmpty()) {
                throw new NotFoundException("from", "no " + (fromPerson ? "person " : "enterprise ") + from);
            }
            if (directory.enterprise(to).isEmpty()) {
                throw new NotFoundException("toUscc", "no enterprise " + to);
            }
        }
        return new LinkData(type, from, fromPerson, to, role, sharePct, validFrom, validTo);
    }

    // ---- reads, for the directory's and other capabilities' controllers

    public Optional<Enterprise> enterprise(Uscc uscc) {
        return directory.enterprise(uscc.value());
    }

    /** The enterprise with its legal representative on {@code day}, read together. */
    public Optional<DirectoryRepository.WithLegalRepresentative> enterpriseWithLegalRepresentative(Uscc uscc, LocalDate day) {
        return directory.enterpriseWithLegalRepresentative(uscc.value(), day);
    }

    /** Each enterprise's legal representative on {@code day}; those without one are absent. */
    public Map<String, Person> legalRepresentatives(Collection<String> usccs, LocalDate day) {
        return directory.legalRepresentatives(usccs, day);
    }

    public Map<String, Enterprise> enterprises(Collection<String> usccs) {
        return directory.enterprises(usccs);
    }

    public Optional<Person> person(String personId) {
        return directory.person(personId);
    }

    public Map<String, Person> persons(Collection<String> personIds) {
        return directory.persons(personIds);
    }

    /** Who a person's record belongs to: the regions of its enterprises and the departments of the inspectors it is. */
    public Optional<PersonOwners> personOwners(String personId) {
        return directory.personOwners(personId);
    }

    /** The filter an input asks for, a region standing for itself and its descendants (an unknown region: none). */
    public EnterpriseFilter filter(EnterpriseFilterInput in) {
        if (in == null) {
            return new EnterpriseFilter(null, null, null, null, null, null, null);
        }
        List<String> regions = in.regionCode() == null ? null : organisation.regionAndDescendants(in.regionCode());
        return new EnterpriseFilter(regions, in.industries(), in.orgTypes(), in.scales(), in.creditRiskClasses(),
                in.statuses(), in.nameContains());
    }

    public Page<Enterprise> search(EnterpriseFilter filter, EnterpriseOrder order, int first, String after) {
        return directory.search(filter, order, first, after);
    }

    public long count(EnterpriseFilter filter, EnterpriseOrder order) {
        return directory.count(filter, order);
    }

    public Map<String, LinkPage> links(Collection<String> ownerKeys, Direction direction, Collection<LinkType> types, LocalDate asOf,
                                       int first, String after) {
        return directory.links(ownerKeys, direction, types, asOf, first, after);
    }

    public Map<String, List<TaxCreditGrade>> taxCreditGrades(Collection<String> usccs) {
        return directory.taxCreditGrades(usccs);
    }

    /** Each enterprise's roster state on {@code day} as known at {@code knownAt} (ROS-03). */
    public Map<String, EnterpriseState> enterpriseStatesAsOf(Collection<String> usccs, LocalDate day, OffsetDateTime knownAt) {
        return directory.enterpriseStatesAsOf(usccs, day, knownAt);
    }

    public Map<String, Region> regions(Collection<String> codes) {
        return organisation.regions(codes);
    }

    public Map<String, Department> departments(Collection<String> ids) {
        return organisation.departments(ids);
    }

    private String partyKey(PartyInput party, String prefix, Checks checks) {
        boolean hasUscc = party.uscc() != null && !party.uscc().isBlank();
        boolean hasPerson = party.personId() != null && !party.personId().isBlank();
        if (hasUscc == hasPerson) {
            checks.add(Violation.of(prefix.substring(0, prefix.length() - 1), ErrorCode.REQUIRED,
                    "give exactly one of uscc or personId"));
            return null;
        }
        return hasUscc ? checks.uscc(prefix + "uscc", party.uscc()) : checks.personId(prefix + "personId", party.personId());
    }

    private Link findLink(LinkType type, String from, String to, LocalDate validFrom) {
        return directory.links(List.of(from), Direction.OUTBOUND, List.of(type), null, 10_000, null).get(from)
                .page().items().stream()
                .filter(l -> l.counterpart().key().equals(to) && l.validFrom().equals(validFrom))
                .findFirst().orElseThrow();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
