package org.supervisionhub.api.access;

import java.util.Set;

/** One {@code @access} declaration: the roles allowed and how far they reach. */
public record AccessRule(Set<Role> roles, AccessScope scope) {

    /** The record a scoped rule is checked against: its department and, for roster entries, the inspector. */
    public record Owner(String departmentId, String inspectorId, String regionCode) {
        public static Owner department(String departmentId) {
            return new Owner(departmentId, null, null);
        }

        public static Owner region(String regionCode) {
            return new Owner(null, null, regionCode);
        }
    }

    public boolean allowsRoleOf(Viewer viewer) {
        return roles.contains(Role.PUBLIC) || viewer.hasAny(roles);
    }

    /**
     * Whether one of the viewer's allowed roles reaches {@code owner}: under JURISDICTION the owner's
     * region (administrators: any); otherwise an inspector only their own entry, every other role the
     * owner's department within the scope.
     */
    public boolean reaches(Viewer viewer, Owner owner) {
        if (scope == AccessScope.ANY || roles.contains(Role.PUBLIC)) {
            return allowsRoleOf(viewer);
        }
        if (owner == null) {
            return false;
        }
        for (Role role : roles) {
            if (!viewer.has(role)) {
                continue;
            }
            boolean ok;
            if (scope == AccessScope.JURISDICTION) {
                ok = role == Role.ADMIN || owner.regionCode() != null && viewer.jurisdiction().get().contains(owner.regionCode());
            } else if (role == Role.INSPECTOR) {
                ok = viewer.inspectorId() != null && viewer.inspectorId().equals(owner.inspectorId());
            } else {
                ok = viewer.reaches(owner.departmentId(), scope);
            }
            if (ok) {
                return true;
            }
        }
        return false;
    }
}
