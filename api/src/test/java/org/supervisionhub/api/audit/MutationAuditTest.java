package org.supervisionhub.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** What an event names: affected ids on success; on refusal what was asked, bounded. */
class MutationAuditTest {

    @Test
    void aRefusalNamesAtMostTenOfTheIdsItAskedForAndHowManyInAll() {
        List<Map<String, Object>> present = IntStream.range(0, 10_000).mapToObj(i -> Map.<String, Object>of("inspectorId", "I" + i)).toList();
        MutationAudit.Requested requested = MutationAudit.requested(Map.of("input", Map.of("inspectionId", "INS-1", "present", present)));
        assertThat(requested.ids()).hasSize(MutationAudit.MAX_REQUESTED);
        assertThat(requested.count()).isEqualTo(10_001);
    }

    @Test
    void evidenceFilesAreNamedByTheirHash() {
        assertThat(MutationAudit.affected(Map.of("fileName", "a.pdf", "sha256", "ab".repeat(32)), null)).containsExactly("ab".repeat(32));
    }
}
