package org.supervisionhub.api.checklist;

import java.util.List;

/** GraphQL input types of the checklist area. */
public final class ChecklistInputs {

    private ChecklistInputs() {
    }

    public record InspectionItemInput(String code, String title, String legalBasis, String content, String implementingBody,
                                      String targetKind, String itemClass, String ratioCap, List<String> methods,
                                      String businessLineCode) {
    }

    public record CreateChecklistVersionInput(String departmentId, String title, String scope, String kind,
                                              List<InspectionItemInput> items) {
    }

    public record UpdateChecklistDraftInput(String id, String title, List<InspectionItemInput> items) {
    }
}
