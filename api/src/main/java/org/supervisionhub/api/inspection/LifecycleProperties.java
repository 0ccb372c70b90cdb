package org.supervisionhub.api.inspection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.supervisionhub.api.organisation.RegionProfiles;

/**
 * Settings under {@code hub.lifecycle}: where the documents differ after the visit ([DIFF]/[CONFIG] in DOMAIN.md).
 *
 * @param retentionYears ARCH-03: the least time an archived file is kept where no specific rule says more (at least 3)
 * @param profiles       per jurisdiction, matched by the longest prefix of the department's region code
 */
@ConfigurationProperties("hub.lifecycle")
public record LifecycleProperties(@DefaultValue("3") int retentionYears, Map<String, Profile> profiles) {

    public LifecycleProperties {
        if (retentionYears < 3) {
            throw new IllegalArgumentException("hub.lifecycle.retention-years must be at least 3 (ARCH-03)");
        }
        profiles = profiles == null || profiles.isEmpty() ? defaults() : profiles;
        profiles.forEach((name, p) -> {
            if (p.publishBeforeFeedback() && p.publicPeriodDays() < 7) {
                throw new IllegalArgumentException("hub.lifecycle.profiles." + name + ".public-period-days must be at least 7 (PUB-08)");
            }
        });
    }

    /**
     * One jurisdiction's rules.
     *
     * @param regionPrefixes             region codes it governs (by prefix)
     * @param publishBeforeFeedback      PUB-08 (TJ): publish, let the public period run, then feed back; objections during it are reviewed (OBJ-01)
     * @param publicPeriodDays           PUB-08: calendar days the publication stays open to objection before feedback
     * @param penaltyDecisionWorkingDays PUB-06 (SX): working days to publish a general-procedure penalty decision; 0 for no deadline
     * @param archiveChangesAllowed      ARCH-05 (QD): approved, recorded changes to archived material; false where none are allowed (HN, ARCH-04)
     * @param refusalSignedByWholeTeam   ONSITE-06 (QD): when the target refuses to sign, every member of the team signs the record
     */
    public record Profile(List<String> regionPrefixes, @DefaultValue("false") boolean publishBeforeFeedback,
                          @DefaultValue("0") int publicPeriodDays, @DefaultValue("0") int penaltyDecisionWorkingDays,
                          @DefaultValue("true") boolean archiveChangesAllowed, @DefaultValue("false") boolean refusalSignedByWholeTeam) {
    }

    /** The profile whose region prefix matches the department's region code best; {@code default} otherwise. */
    public Profile profileFor(String regionCode) {
        Profile p = RegionProfiles.forRegion(profiles, Profile::regionPrefixes, regionCode);
        return p != null ? p : new Profile(List.of(), false, 0, 0, true, false);
    }

    static Map<String, Profile> defaults() {
        Map<String, Profile> m = new LinkedHashMap<>();
        m.put("default", new Profile(List.of(), false, 0, 0, true, false));
        // ARCH-04: HN allows no change to archived material.
        m.put("HN", new Profile(List.of("43"), false, 0, 0, false, false));
        // PUB-06: SX (睢县, Henan) publishes general-procedure penalty decisions within 7 working days.
        m.put("SX", new Profile(List.of("411422"), false, 0, 7, true, false));
        // PUB-08, OBJ-01: TJ publishes first, for at least seven days, then feeds back.
        m.put("TJ", new Profile(List.of("12"), true, 7, 0, true, false));
        // ONSITE-06: in QD the whole team signs a record the target refused to sign.
        m.put("QD", new Profile(List.of("3702"), false, 0, 0, true, true));
        return m;
    }
}
