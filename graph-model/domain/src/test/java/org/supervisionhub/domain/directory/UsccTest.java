package org.supervisionhub.domain.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {

    @ParameterizedTest
    // Codes published on real business licences.
    @ValueSource(strings = {"91350100M000100Y43", "91110000802100433B"})
    void acceptsPublishedCodes(String code) {
        assertThat(Uscc.problem(code)).isEmpty();
        assertThat(Uscc.of(code).value()).isEqualTo(code);
    }

    @Test
    void rejectsAWrongCheckCharacterAndNamesTheExpectedOne() {
        assertThat(Uscc.problem("91350100M000100Y44")).hasValueSatisfying(p -> assertThat(p).contains("'3'"));
    }

    @Test
    void rejectsLettersOutsideTheAlphabetWrongLengthAndNonDigitDivision() {
        assertThat(Uscc.problem("91350100M000100I43")).hasValueSatisfying(p -> assertThat(p).contains("position 16"));
        assertThat(Uscc.problem("91350100M000100Y4")).hasValueSatisfying(p -> assertThat(p).contains("18 characters"));
        assertThat(Uscc.problem("913A0100M000100Y43")).hasValueSatisfying(p -> assertThat(p).contains("division"));
        assertThatThrownBy(() -> Uscc.of("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void normalisesCaseAndWhitespaceBeforeValidating() {
        assertThat(Uscc.of(" 91350100m000100y43 ").value()).isEqualTo("91350100M000100Y43");
    }

    @Test
    void everyGeneratedCheckCharacterValidates() {
        java.util.Random random = new java.util.Random(7);
        for (int n = 0; n < 1000; n++) {
            StringBuilder b = new StringBuilder("91");
            for (int i = 0; i < 6; i++) {
                b.append((char) ('0' + random.nextInt(10)));
            }
            for (int i = 0; i < 9; i++) {
                b.append(Uscc.ALPHABET.charAt(random.nextInt(31)));
            }
            String code = b.toString() + Uscc.checkCharacter(b.toString());
            assertThat(Uscc.problem(code)).as(code).isEmpty();
        }
    }
}
