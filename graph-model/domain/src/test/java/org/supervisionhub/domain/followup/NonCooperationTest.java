package org.supervisionhub.domain.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supervisionhub.domain.Outcomes.done;
import static org.supervisionhub.domain.Outcomes.refusals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.supervisionhub.domain.inspection.InspectionId;
import org.supervisionhub.domain.inspection.ResultCategory;

/** Serious non-cooperation's rules, without a database: each test names the rule it checks. */
class NonCooperationTest {

    static final InspectionId INS = new InspectionId("INS-1");
    static final Set<String> OF_INSPECTION = Set.of("EV-1", "EV-2");

    @Test
    void atLeastOneCircumstanceIsNamedNONCOOP01() {
        assertThat(refusals(NonCooperation.circumstancesNamed(List.of()))).containsExactly("REQUIRED circumstances NONCOOP-01");
        assertThat(refusals(NonCooperation.circumstancesNamed(null))).containsExactly("REQUIRED circumstances NONCOOP-01");
        assertThat(NonCooperation.circumstancesNamed(List.of(NonCooperationCircumstance.REFUSED_ENTRY))).isEmpty();
        assertThat(refusals(NonCooperation.record(INS, List.of(), List.of("EV-1"), OF_INSPECTION))).containsExactly("REQUIRED circumstances NONCOOP-01");
    }

    @Test
    void itIsRecordedWithTheEvidenceKeptOfItDuringThisInspectionNONCOOP02() {
        assertThat(refusals(NonCooperation.evidenceKept(INS, List.of(), OF_INSPECTION))).containsExactly("REQUIRED evidenceIds NONCOOP-02");
        assertThat(refusals(NonCooperation.evidenceKept(INS, null, OF_INSPECTION))).containsExactly("REQUIRED evidenceIds NONCOOP-02");
        assertThat(NonCooperation.evidenceKept(INS, List.of("EV-1", "EV-9"), OF_INSPECTION)).singleElement()
                .satisfies(v -> assertThat(v.message()).isEqualTo("EV-9 is not evidence of INS-1"));
        assertThat(refusals(NonCooperation.record(INS, List.of(), List.of(), OF_INSPECTION)))
                .as("every violation at once").containsExactly("REQUIRED circumstances NONCOOP-01", "REQUIRED evidenceIds NONCOOP-02");
        NonCooperation recorded = done(NonCooperation.record(INS, List.of(NonCooperationCircumstance.REFUSED_MATERIALS,
                NonCooperationCircumstance.REFUSED_ENTRY, NonCooperationCircumstance.REFUSED_MATERIALS), List.of("EV-2", "EV-1", "EV-2"), OF_INSPECTION));
        assertThat(recorded.circumstances()).as("each once, in their order")
                .containsExactly(NonCooperationCircumstance.REFUSED_ENTRY, NonCooperationCircumstance.REFUSED_MATERIALS);
        assertThat(recorded.evidenceIds()).as("each once, as given").containsExactly("EV-2", "EV-1");
    }

    @Test
    void aResultNamesSeriousNonCooperationOnlyOnceItIsRecordedNONCOOP02() {
        assertThat(refusals(NonCooperation.namedByResult(ResultCategory.SERIOUS_NON_COOPERATION, false)))
                .containsExactly("CONFLICT category NONCOOP-02");
        assertThat(NonCooperation.namedByResult(ResultCategory.SERIOUS_NON_COOPERATION, true)).isEmpty();
        assertThat(NonCooperation.namedByResult(ResultCategory.NO_PROBLEM_FOUND, false)).isEmpty();
    }
}
