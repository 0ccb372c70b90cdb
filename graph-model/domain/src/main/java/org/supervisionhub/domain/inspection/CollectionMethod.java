package org.supervisionhub.domain.inspection;

/** EVID-03: the five ways evidence is collected. */
public enum CollectionMethod { ON_SITE, OFF_SITE, COMMISSIONED, INQUIRY_OF_RELATED_PARTIES, HEARING_STATEMENT }
