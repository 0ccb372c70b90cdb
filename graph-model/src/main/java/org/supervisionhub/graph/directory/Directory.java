package org.supervisionhub.graph.directory;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.supervisionhub.domain.directory.LinkType;

/** Value types of the directory graph. */
public final class Directory {

    private Directory() {
    }

    /** Either end of a link that is not necessarily an enterprise. */
    public sealed interface Party permits Enterprise, Person {
        String key();
    }

    public record Enterprise(String uscc, String name, String orgType, String industry, String scale, String status,
                             String creditRiskClass, String integrityGrade, String regionCode, String registeredWith,
                             LocalDate establishedOn, String address, LocalDate rosterFrom, OffsetDateTime updatedAt)
            implements Party {
        @Override
        public String key() {
            return uscc;
        }

        /**
         * False for an enterprise known only by its USCC (a holder or head office another record names, a listed subject):
         * the registry always delivers a name, and nothing else writes one.
         */
        public boolean registered() {
            return name != null;
        }
    }

    public record Person(String personId, String name) implements Party {
        @Override
        public String key() {
            return personId;
        }
    }

    /** INBOUND: links that point at the enterprise; OUTBOUND: links the owner holds towards enterprises. */
    public enum Direction { INBOUND, OUTBOUND }

    /**
     * One time-bounded link seen from {@code ownerKey}: {@code counterpart} is the other end.
     * {@code validTo} is exclusive and null while the link is open.
     */
    public record Link(LinkType type, Direction direction, String ownerKey, Party counterpart, String role,
                       Double sharePct, LocalDate validFrom, LocalDate validTo) {

        public String sortKey() {
            return type.name() + "|" + validFrom + "|" + counterpart.key();
        }

        public boolean activeOn(LocalDate day) {
            return !validFrom.isAfter(day) && (validTo == null || validTo.isAfter(day));
        }
    }

    /** Filters of the enterprise search; null or empty means "any". */
    public record EnterpriseFilter(List<String> regionCodes, List<String> industries, List<String> orgTypes,
                                   List<String> scales, List<String> creditRiskClasses, List<String> statuses,
                                   String nameContains) {
        /** Nothing to match: every enterprise. */
        public boolean matchesAll() {
            return regionCodes == null && industries == null && orgTypes == null && scales == null && creditRiskClasses == null
                    && statuses == null && (nameContains == null || nameContains.isBlank());
        }
    }

    public enum EnterpriseOrder { USCC, NAME }

    /** A tax credit grade (纳税信用等级) for an assessment year, as the tax system last assessed it. */
    public record TaxCreditGrade(String uscc, int year, String grade, LocalDate assessedOn, OffsetDateTime updatedAt) {
    }

    /** Writable fields of an enterprise. */
    public record EnterpriseData(String uscc, String name, String orgType, String industry, String scale, String status,
                                 String creditRiskClass, String integrityGrade, String regionCode,
                                 String registeredWith, LocalDate establishedOn, String address) {
    }

    /** A link to create or update, identified by (type, from, to, validFrom). */
    public record LinkData(LinkType type, String fromKey, boolean fromPerson, String toUscc, String role, Double sharePct,
                           LocalDate validFrom, LocalDate validTo) {
    }
}
