package org.supervisionhub.api.sampling;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.supervisionhub.api.organisation.RegionProfiles;

/**
 * Settings under {@code hub.sampling}: where the documents differ ([DIFF]/[CONFIG] in DOMAIN.md §4).
 *
 * @param yearlyCap              DRAW-12: most active inspections of one enterprise per year; 0 for no cap
 * @param recusalVisitWindowDays ASSIGN-03: an inspector who visited the enterprise this many days before or after
 *                               the inspection date is recused
 * @param profiles               planning profiles, matched by the longest prefix of the department's region code
 */
@ConfigurationProperties("hub.sampling")
public record SamplingProperties(@DefaultValue("2") int yearlyCap, @DefaultValue("365") int recusalVisitWindowDays,
                                 Map<String, Profile> profiles) {

    public SamplingProperties {
        profiles = profiles == null || profiles.isEmpty() ? defaults() : profiles;
        if (yearlyCap < 0) {
            throw new IllegalArgumentException("hub.sampling.yearly-cap must be 0 (no cap) or more");
        }
    }

    /**
     * One jurisdiction's planning rules.
     *
     * @param regionPrefixes   region codes this profile governs (by prefix)
     * @param yearOffset       the plan for year Y is due in year Y + offset (TJ: -1, PLAN-11)
     * @param filingDeadlines  per department level, the day (ISO month-day, {@code --01-15}) the plan must be filed or published
     *                         (PLAN-02/04/08/11)
     */
    public record Profile(List<String> regionPrefixes, @DefaultValue("0") int yearOffset, Map<String, String> filingDeadlines) {

        /** Null when this jurisdiction sets no date for the level (LY, PLAN-14). */
        public LocalDate deadline(int planYear, String level) {
            String day = filingDeadlines == null ? null : filingDeadlines.get(level);
            return day == null ? null : MonthDay.parse(day).atYear(planYear + yearOffset);
        }
    }

    /** The profile whose region prefix matches the department's region code best. */
    public Profile profileFor(String regionCode) {
        Profile p = RegionProfiles.forRegion(profiles, Profile::regionPrefixes, regionCode);
        return p != null ? p : new Profile(List.of(), 0, Map.of());
    }

    static Map<String, Profile> defaults() {
        Map<String, Profile> m = new LinkedHashMap<>();
        // PLAN-02, PLAN-04: HN files by 15 January; the province publishes its plan by the end of January.
        m.put("HN", new Profile(List.of("43"), 0, Map.of("PROVINCE", "--01-31", "CITY", "--01-15",
                "COUNTY", "--01-15")));
        // PLAN-08: QD by the end of March.
        m.put("QD", new Profile(List.of("3702"), 0, Map.of("CITY", "--03-31", "COUNTY", "--03-31")));
        // PLAN-11: TJ sends next year's plan by the end of November.
        m.put("TJ", new Profile(List.of("12"), -1, Map.of("CITY", "--11-30", "COUNTY", "--11-30")));
        // PLAN-14: LY sets no date.
        m.put("LY", new Profile(List.of("4103"), 0, Map.of()));
        return m;
    }
}
