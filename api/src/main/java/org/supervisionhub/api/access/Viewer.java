package org.supervisionhub.api.access;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The caller of one request: the token's subject, roles, department, unit and inspector id. An
 * anonymous caller has only {@link Role#PUBLIC}. {@code departmentTree} (own department and its
 * subordinates) and {@code jurisdiction} (its region and sub-regions) are computed once per request,
 * on first use.
 *
 * @param client key that rate limits count against: the token's client or subject, else the remote address
 */
public record Viewer(String actor, String client, Set<Role> roles, String departmentId, String unitId, String inspectorId,
                     Supplier<Set<String>> departmentTree, Supplier<Set<String>> jurisdiction) {

    /** Key of the viewer in the GraphQL context ({@code @ContextValue Viewer viewer}). */
    public static final String KEY = "viewer";
    /** Key of the token's expiry ({@link java.time.Instant}) in the GraphQL context, when the token has one: subscriptions end then. */
    public static final String EXPIRES_AT = "viewer.expiresAt";

    public Viewer {
        EnumSet<Role> all = EnumSet.of(Role.PUBLIC);
        all.addAll(roles);
        roles = Set.copyOf(all);
    }

    public static Viewer anonymous(String client) {
        return new Viewer(null, client, Set.of(), null, null, null, Set::of, Set::of);
    }

    public boolean authenticated() {
        return actor != null;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Collection<Role> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }

    /** Whether {@code department} is this viewer's own ({@code OWN_DEPARTMENT}) or within its tree. */
    public boolean reaches(String department, AccessScope scope) {
        if (department == null || departmentId == null) {
            return false;
        }
        return switch (scope) {
            case ANY -> true;
            case OWN_DEPARTMENT -> department.equals(departmentId);
            case DEPARTMENT_TREE -> department.equals(departmentId) || departmentTree.get().contains(department);
            case JURISDICTION -> false;
        };
    }
}
