package org.supervisionhub.api.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/** What the API tests check of a draw's two verification documents (vdraw-1, Amendment 1). */
final class DrawDocuments {

    private DrawDocuments() {
    }

    /**
     * Everything a verifier can check: the complete document recomputes; the public one, where it withholds the strata,
     * passes the public checks and matches the complete one (Amendment 1), and otherwise is the complete one.
     */
    static void assertVerifies(String drawId, Map<String, Object> complete, Map<String, Object> published) {
        assertThat(IndependentVerifier.verifyDocument(complete)).as("draw " + drawId).isEmpty();
        if (IndependentVerifier.withholdsStrata(published)) {
            assertThat(IndependentVerifier.verifyPublicDocument(published)).as("public document of " + drawId).isEmpty();
            assertThat(IndependentVerifier.verifyDisclosure(published, complete)).as("disclosure of " + drawId).isEmpty();
        } else {
            assertThat(published).isEqualTo(complete);
        }
    }
}
