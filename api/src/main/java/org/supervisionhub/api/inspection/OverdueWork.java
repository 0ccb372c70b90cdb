package org.supervisionhub.api.inspection;

import java.util.Set;

/** The overdue work of a department tree; each field is read only when asked for (by the controller of its capability). */
public record OverdueWork(String departmentId, Set<String> departments) {
}
