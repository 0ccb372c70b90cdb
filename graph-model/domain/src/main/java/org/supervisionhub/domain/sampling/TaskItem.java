package org.supervisionhub.domain.sampling;

import java.util.List;

/**
 * An inspection item as a task's rules see it, with the checklist version it is on: its methods (METH-01), its class and
 * ratio cap (DRAW-07), whether the version is published and whose it is (CHK-07), and its kind (CHK-09). The caller reads
 * these from the graph; {@code checklistKind} and {@code checklistDepartment} are null when the version is unknown.
 */
public record TaskItem(String id, String code, List<String> methods, boolean general, String ratioCap, boolean published,
                       String checklistDepartment, String checklistKind) {

    public TaskItem {
        java.util.Objects.requireNonNull(id, "id");
        methods = methods == null ? List.of() : List.copyOf(methods);
    }

    /** DRAW-07: the cap the item puts on a task's ratios. */
    public TaskData.ItemCap cap() {
        return new TaskData.ItemCap(code, general, ratioCap);
    }
}
