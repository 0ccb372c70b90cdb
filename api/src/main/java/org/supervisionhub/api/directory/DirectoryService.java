package org.supervisionhub.api.directory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supervisionhub.api.HubProperties;
import org.supervisionhub.api.directory.DirectoryInputs.EndLinkInput;
import org.supervisionhub.api.directory.DirectoryInputs.EnterpriseInput;
import org.supervisionhub.api.directory.DirectoryInputs.LinkInput;
import org.supervisionhub.api.directory.DirectoryInputs.PartyInput;
import org.supervisionhub.api.directory.DirectoryInputs.PersonInput;
import org.supervisionhub.api.graphql.Checks;
import org.supervisionhub.api.graphql.InvalidInputException;
import org.supervisionhub.api.graphql.NotFoundException;
import org.supervisionhub.api.graphql.Violation;
import org.supervisionhub.graph.directory.Directory.Direction;
import org.supervisionhub.graph.directory.Directory.Enterprise;
import org.supervisionhub.graph.directory.Directory.EnterpriseData;
import org.supervisionhub.graph.directory.Directory.Link;
import org.supervisionhub.graph.directory.Directory.LinkData;
import org.supervisionhub.graph.directory.Directory.LinkType;
import org.supervisionhub.graph.directory.Directory.Person;
import org.supervisionhub.graph.directory.DirectoryRepository;
import org.supervisionhub.graph.directory.PersonId;
import org.supervisionhub.graph.organisation.OrganisationRepository;
import org.supervisionhub.api.graphql.ErrorCode;

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

    /** Validates an enterprise input without touching the graph's write side; field paths under {@code prefix}. */
    EnterpriseData validate(EnterpriseInput in, String prefix, Checks checks) {
        String uscc = checks.uscc(prefix + "uscc", in.uscc());
        checks.require(prefix + "name", in.name()).require(prefix + "orgType", in.orgType())
                .require(prefix + "regionCode", in.regionCode());
        if (in.establishedOn() != null && in.establishedOn().isAfter(today())) {
            checks.add(Violation.of(prefix + "establishedOn", ErrorCode.INVALID_VALUE,
                    prefix + "establishedOn is in the future"));
        }
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
        EnterpriseData data = validate(in, "input.", checks);
        checks.throwIfAny();
        if (organisation.regions(List.of(data.regionCode())).isEmpty()) {
            throw new NotFoundException("input.regionCode", "no region " + data.regionCode());
        }
        if (data.registeredWith() != null && organisation.department(data.registeredWith()).isEmpty()) {
            throw new NotFoundException("input.registrationAuthorityId", "no department " + data.registeredWith());
        }
        LocalDate today = today();
        LocalDate occurred = in.change() != null && in.change().occurredOn() != null ? in.change().occurredOn() : today;
        LocalDate discovered = in.change() != null && in.change().discoveredOn() != null ? in.change().discoveredOn() : today;
        new Checks().notBefore("input.change.discoveredOn", discovered, "input.change.occurredOn", occurred)
                .check(!discovered.isAfter(today), "input.change.discoveredOn", ErrorCode.INVALID_VALUE,
                        "input.change.discoveredOn is in the future", "ROS-03")
                .throwIfAny();
        jurisdiction.require(data.regionCode(), "input.regionCode");
        // Moving an enterprise needs jurisdiction over where it was as well as where it goes.
        directory.enterprise(data.uscc()).ifPresent(e -> jurisdiction.require(e.regionCode(), "input.uscc"));
        boolean created = directory.upsertEnterprise(data, today, now());
        // ROS-03: target roster changes are measured from discovery; the record makes that reportable.
        directory.recordRosterChange("TARGET", created ? "ADDED" : "UPDATED", data.uscc(), occurred, discovered, now());
        return directory.enterprise(data.uscc()).orElseThrow();
    }

    @Transactional
    public Person upsertPerson(PersonInput in) {
        String personId = resolvePersonId(in, "input.");
        return directory.upsertPerson(personId, in.name() == null ? null : in.name().strip(), now());
    }

    /** The person id of an input: the given pseudonym, or the pseudonym of the national ID. */
    String resolvePersonId(PersonInput in, String prefix) {
        boolean hasId = in.personId() != null && !in.personId().isBlank();
        boolean hasNational = in.nationalId() != null && !in.nationalId().isBlank();
        if (hasId == hasNational) {
            throw InvalidInputException.of(prefix + "personId", ErrorCode.REQUIRED, "give exactly one of personId or nationalId", null);
        }
        if (hasId) {
            Checks checks = new Checks();
            String id = checks.personId(prefix + "personId", in.personId());
            checks.throwIfAny();
            return id;
        }
        return PersonId.pseudonymise(personIdKey, in.nationalId()).value();
    }

    /** A link belongs to the jurisdiction of the enterprise it points to. */
    @Transactional
    public Link upsertLink(LinkInput in, Jurisdiction jurisdiction) {
        LinkData data = validateLink(in.type(), in.from(), in.toUscc(), in.role(), in.sharePct(), in.validFrom(),
                in.validTo(), "input.", new Checks(), true);
        jurisdiction.require(directory.enterprise(data.toUscc()).orElseThrow().regionCode(), "input.toUscc");
        directory.upsertLink(data, now());
        return findLink(data.type(), data.fromKey(), data.toUscc(), data.validFrom());
    }

    @Transactional
    public Link endLink(EndLinkInput in, Jurisdiction jurisdiction) {
        Checks checks = new Checks();
        String from = partyKey(in.from(), "input.from.", checks);
        String to = checks.uscc("input.toUscc", in.toUscc());
        checks.require("input.validFrom", in.validFrom()).require("input.validTo", in.validTo())
                .notBefore("input.validTo", in.validTo(), "input.validFrom", in.validFrom()).throwIfAny();
        directory.enterprise(to).ifPresent(e -> jurisdiction.require(e.regionCode(), "input.toUscc"));
        if (!directory.endLink(in.type(), from, to, in.validFrom(), in.validTo(), now())) {
            throw new NotFoundException("input", "no " + in.type() + " link from " + from + " to " + to + " starting " + in.validFrom());
        }
        return findLink(in.type(), from, to, in.validFrom());
    }

    /** Validates a link and that both ends exist (unless {@code checkEnds} is false); throws on any violation. */
    LinkData validateLink(LinkType type, PartyInput fromIn, String toUscc, String role, Double sharePct,
                          LocalDate validFrom, LocalDate validTo, String prefix, Checks checks, boolean checkEnds) {
        checks.require(prefix + "type", type).require(prefix + "validFrom", validFrom);
        String from = fromIn == null ? null : partyKey(fromIn, prefix + "from.", checks);
        if (fromIn == null) {
            checks.require(prefix + "from", null);
        }
        String to = checks.uscc(prefix + "toUscc", toUscc);
        checks.notBefore(prefix + "validTo", validTo, prefix + "validFrom", validFrom);
        boolean fromPerson = fromIn != null && fromIn.personId() != null;
        if (type != null) {
            switch (type) {
                case LEGAL_REPRESENTATIVE -> checks.check(fromPerson || from == null, prefix + "from", ErrorCode.INVALID_VALUE,
                        "a legal representative is a person", null);
                case OFFICER -> checks.check(fromPerson || from == null, prefix + "from", ErrorCode.INVALID_VALUE,
                                "an officer is a person", null)
                        .check(role != null, prefix + "role", ErrorCode.REQUIRED, "an officer link needs a role", null);
                case SHAREHOLDER -> checks.check(sharePct != null && sharePct > 0 && sharePct <= 100, prefix + "sharePct",
                        ErrorCode.INVALID_VALUE, "a shareholding needs sharePct with 0 < sharePct <= 100", null);
                case BRANCH -> checks.check(!fromPerson, prefix + "from", ErrorCode.INVALID_VALUE, "a branch is an enterprise", null);
            }
            checks.check(type == LinkType.OFFICER || role == null, prefix + "role", ErrorCode.INVALID_VALUE, "only officer links have a role", null);
            checks.check(type == LinkType.SHAREHOLDER || sharePct == null, prefix + "sharePct", ErrorCode.INVALID_VALUE, "only shareholdings have a share", null);
        }
        checks.check(from == null || !from.equals(to), prefix + "toUscc", ErrorCode.INVALID_VALUE, "a link cannot point at its own source", null);
        checks.throwIfAny();
        if (checkEnds) {
            if (fromPerson ? directory.person(from).isEmpty() : directory.enterprise(from).isEmpty()) {
                throw new NotFoundException(prefix + "from", "no " + (fromPerson ? "person " : "enterprise ") + from);
            }
            if (directory.enterprise(to).isEmpty()) {
                throw new NotFoundException(prefix + "toUscc", "no enterprise " + to);
            }
        }
        return new LinkData(type, from, fromPerson, to, role, sharePct, validFrom, validTo);
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
