package org.supervisionhub.api.access;

import java.util.function.Supplier;

/**
 * Scope checks of root fields whose {@code @access} has a scope. The schema declares the scope;
 * the controller names the department, inspector or region the call acts on; {@link AccessInstrumentation}
 * refuses the result of a scoped field whose controller never asked, so a forgotten check fails
 * closed instead of leaking.
 */
public final class Access {

    private static final class Pending {
        final AccessRule rule;
        final String field;
        boolean checked;

        Pending(AccessRule rule, String field) {
            this.rule = rule;
            this.field = field;
        }
    }

    private static final ThreadLocal<Pending> PENDING = new ThreadLocal<>();

    private Access() {
    }

    /** Requires the viewer to reach {@code departmentId} under the running field's rule; {@code field} names the argument. */
    public static void requireDepartment(Viewer viewer, String departmentId, String field) {
        require(viewer, AccessRule.Owner.department(departmentId), field);
    }

    /** As {@link #requireDepartment}, and lets an inspector act on their own entry. */
    public static void requireDepartmentOrSelf(Viewer viewer, String departmentId, String inspectorId, String field) {
        require(viewer, new AccessRule.Owner(departmentId, inspectorId, null), field);
    }

    /** Requires a JURISDICTION-scoped field's record to lie in the viewer's region. */
    public static void requireRegion(Viewer viewer, String regionCode, String field) {
        require(viewer, AccessRule.Owner.region(regionCode), field);
    }

    /** For bulk fields that check row by row (imports): which rows the running field's rule lets the viewer touch. */
    public static java.util.function.Predicate<AccessRule.Owner> rows(Viewer viewer) {
        Pending pending = pending();
        pending.checked = true;
        AccessRule rule = pending.rule;
        return owner -> rule.reaches(viewer, owner);
    }

    private static Pending pending() {
        Pending pending = PENDING.get();
        if (pending == null) {
            throw new IllegalStateException("a scope check outside a scoped field");
        }
        return pending;
    }

    private static void require(Viewer viewer, AccessRule.Owner owner, String field) {
        Pending pending = pending();
        pending.checked = true;
        if (!pending.rule.reaches(viewer, owner)) {
            throw new ForbiddenException(field, pending.field + ": " + field + " " + describe(owner)
                    + " is outside what the caller may act on (" + pending.rule.scope() + ")", !viewer.authenticated());
        }
    }

    private static String describe(AccessRule.Owner owner) {
        String what = owner.regionCode() != null ? owner.regionCode() : owner.departmentId();
        return what == null ? "(unknown)" : what;
    }

    /** Runs a scoped root field (or an upload acting as one) and fails if it returned without a scope check. */
    public static <T> T scoped(AccessRule rule, String field, Supplier<T> fetch) {
        Pending outer = PENDING.get();
        Pending pending = new Pending(rule, field);
        PENDING.set(pending);
        try {
            T result = fetch.get();
            if (!pending.checked) {
                throw new IllegalStateException(field + " is declared " + rule.scope() + " but checked no department");
            }
            return result;
        } finally {
            if (outer == null) {
                PENDING.remove();
            } else {
                PENDING.set(outer);
            }
        }
    }
}
