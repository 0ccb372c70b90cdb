package org.supervisionhub.domain.inspection;

/** NOTICE-04, NOTICE-05: where a notice goes: always the publicity system; to a market subject also by direct service or post. */
public enum NoticeChannel { PUBLICITY_SYSTEM, DIRECT_SERVICE, POST }
