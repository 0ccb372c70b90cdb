package org.supervisionhub.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.supervisionhub.api.access.ForbiddenException;
import org.supervisionhub.api.errors.ErrorCode;
import org.supervisionhub.api.errors.InvalidInputException;
import org.supervisionhub.api.errors.NotFoundException;
import org.supervisionhub.api.errors.Violation;

/** A service's refusals about the fields of its input become paths of the operation's argument, messages included. */
class InputPathsTest {

    @Test
    void everyViolationAndItsMessageMoveUnderTheArgument() {
        assertThatThrownBy(() -> InputPaths.under("input", () -> {
            throw new InvalidInputException(List.of(Violation.of("borrower", ErrorCode.REQUIRED, "borrower is required"),
                    new Violation("dueOn", ErrorCode.INVALID_VALUE, "dueOn: after today", "ARCH-09"),
                    Violation.of("items[2].code", ErrorCode.CONFLICT, "the same code twice")));
        })).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).containsExactly(
                Violation.of("input.borrower", ErrorCode.REQUIRED, "input.borrower is required"),
                new Violation("input.dueOn", ErrorCode.INVALID_VALUE, "input.dueOn: after today", "ARCH-09"),
                Violation.of("input.items[2].code", ErrorCode.CONFLICT, "the same code twice")));
    }

    @Test
    void aMissingReferenceMovesUnderTheArgumentAndKeepsItsMessage() {
        assertThatThrownBy(() -> InputPaths.under("input", () -> {
            throw new NotFoundException("fileId", "no archive file F-1");
        })).isInstanceOfSatisfying(NotFoundException.class, e -> {
            assertThat(e.field()).isEqualTo("input.fileId");
            assertThat(e.getMessage()).isEqualTo("no archive file F-1");
        });
    }

    @Test
    void aRefusalOfTheWholeInputNamesTheArgument() {
        assertThatThrownBy(() -> InputPaths.under("input", () -> {
            throw new NotFoundException("", "no OFFICER link from P1 to U1 starting 2026-01-01");
        })).isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.field()).isEqualTo("input"));
        assertThatThrownBy(() -> InputPaths.under("input", () -> {
            throw new InvalidInputException(List.of(Violation.of("", ErrorCode.REQUIRED, "give exactly one of uscc or personId")));
        })).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).containsExactly(
                Violation.of("input", ErrorCode.REQUIRED, "give exactly one of uscc or personId")));
    }

    @Test
    void anAccessRefusalAboutAnInputFieldMovesUnderTheArgumentWithItsRule() {
        assertThatThrownBy(() -> InputPaths.under("input", () -> {
            throw new ForbiddenException("inspectionId", "APPR-01: by the inspecting department HRSS-430100", false);
        })).isInstanceOfSatisfying(ForbiddenException.class, e -> {
            assertThat(e.field()).isEqualTo("input.inspectionId");
            assertThat(e.rule()).isEqualTo("APPR-01");
            assertThat(e.getMessage()).isEqualTo("APPR-01: by the inspecting department HRSS-430100");
        });
    }

    @Test
    void aJurisdictionRefusalNamesTheArgumentsFieldInItsMessage() {
        assertThatThrownBy(() -> InputPaths.under("input", () -> {
            throw new ForbiddenException("toUscc", "upsertLink: toUscc 430200 is outside what the caller may act on (JURISDICTION)", false);
        })).isInstanceOfSatisfying(ForbiddenException.class, e -> {
            assertThat(e.field()).isEqualTo("input.toUscc");
            assertThat(e.getMessage()).isEqualTo("upsertLink: input.toUscc 430200 is outside what the caller may act on (JURISDICTION)");
        });
    }

    @Test
    void aResultAndOtherFailuresPassThrough() {
        assertThat(InputPaths.under("input", () -> "done")).isEqualTo("done");
        assertThatThrownBy(() -> InputPaths.under("input", () -> {
            throw new IllegalStateException("not a refusal");
        })).isInstanceOf(IllegalStateException.class).hasMessage("not a refusal");
    }
}
