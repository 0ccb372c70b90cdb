package org.supervisionhub.domain.sampling;

/** How the items of a task are inspected (METH-01); the schema's {@code InspectionMethod}. */
public enum InspectionMethod { ON_SITE, WRITTEN, ONLINE, DATA_COMPARISON, COMMISSIONED_PROFESSIONAL, EXTERNAL_CONCLUSION }
