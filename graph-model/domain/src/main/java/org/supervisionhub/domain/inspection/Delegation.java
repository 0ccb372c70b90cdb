package org.supervisionhub.domain.inspection;

/**
 * How the inspecting department relates to the one that drew the inspection (APPR-01..03): the same department
 * ({@code NONE}), a subordinate entrusted by it ({@code DELEGATED}: reviewed below, approved above) or lawfully
 * authorised ({@code AUTHORISED}: approved below, filed above).
 */
public enum Delegation { NONE, DELEGATED, AUTHORISED }
