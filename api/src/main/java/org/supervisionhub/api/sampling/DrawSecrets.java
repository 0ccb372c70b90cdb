package org.supervisionhub.api.sampling;

/**
 * Where a draw's secret (vdraw-1 step 4) comes from. The hub's is {@link #secure()}; another bean may replace it: the demo
 * module replays its province's year with secrets derived from its seed, so the same seed and date give the same demo.
 */
@FunctionalInterface
public interface DrawSecrets {

    byte[] secretFor(String drawId);

    /** A fresh 32-byte secret from a cryptographically secure source for every draw. */
    static DrawSecrets secure() {
        return drawId -> Vdraw1.newSecret();
    }
}
