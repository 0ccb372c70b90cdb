package org.supervisionhub.domain.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PersonIdTest {

    private static final byte[] KEY = "k1".getBytes(StandardCharsets.UTF_8);

    @Test
    void sameNationalIdAndKeyGiveTheSamePseudonymThatDoesNotContainTheId() {
        PersonId a = PersonId.pseudonymise(KEY, "11010519491231002x");
        PersonId b = PersonId.pseudonymise(KEY, " 11010519491231002X");
        assertThat(a).isEqualTo(b);
        assertThat(a.value()).matches("P[A-Z2-7]{16}").doesNotContain("1101");
    }

    @Test
    void differentKeysGiveUnlinkablePseudonyms() {
        assertThat(PersonId.pseudonymise(KEY, "110105194912310021"))
                .isNotEqualTo(PersonId.pseudonymise("k2".getBytes(StandardCharsets.UTF_8), "110105194912310021"));
    }
}
