package org.supervisionhub.api.directory;

import java.time.LocalDate;
import java.util.List;

import org.supervisionhub.domain.directory.LinkType;

/** GraphQL input types of the directory area. */
public final class DirectoryInputs {

    private DirectoryInputs() {
    }

    public record RosterChangeInput(LocalDate occurredOn, LocalDate discoveredOn) {
    }

    public record EnterpriseInput(String uscc, String name, String orgType, String industry, String scale, String status,
                                  String creditRiskClass, String integrityGrade, String regionCode,
                                  String registrationAuthorityId, LocalDate establishedOn, String address,
                                  RosterChangeInput change) {
    }

    public record PersonInput(String personId, String nationalId, String name) {
    }

    public record PartyInput(String uscc, String personId) {
    }

    public record LinkInput(LinkType type, PartyInput from, String toUscc, String role, Double sharePct,
                            LocalDate validFrom, LocalDate validTo) {
    }

    public record EndLinkInput(LinkType type, PartyInput from, String toUscc, LocalDate validFrom, LocalDate validTo) {
    }

    public record EnterpriseFilterInput(String regionCode, List<String> industries, List<String> orgTypes,
                                        List<String> scales, List<String> creditRiskClasses, List<String> statuses,
                                        String nameContains) {
    }
}
