package org.supervisionhub.api.organisation;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Picks the jurisdiction profile that governs a region: the one with the longest matching region-code prefix. */
public final class RegionProfiles {

    private RegionProfiles() {
    }

    /** The best match, else the profile named {@code default}, else null. */
    public static <P> P forRegion(Map<String, P> profiles, Function<P, List<String>> prefixes, String regionCode) {
        P best = null;
        int length = -1;
        for (P p : profiles.values()) {
            for (String prefix : prefixes.apply(p) == null ? List.<String>of() : prefixes.apply(p)) {
                if (regionCode != null && regionCode.startsWith(prefix) && prefix.length() > length) {
                    best = p;
                    length = prefix.length();
                }
            }
        }
        return best != null ? best : profiles.get("default");
    }
}
