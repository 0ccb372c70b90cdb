package org.supervisionhub.api.graphql;

import org.supervisionhub.api.errors.ErrorCode;
import org.supervisionhub.api.errors.InvalidInputException;
import org.springframework.stereotype.Component;
import org.supervisionhub.api.HubProperties;

/** Validates page arguments against the configured maximum page size. */
@Component
public class PageRequests {

    private final HubProperties.Pagination pagination;

    public PageRequests(HubProperties properties) {
        this.pagination = properties.pagination();
    }

    /**
     * Rejects a cursor this API did not issue here, in the field's own resolver: inside a batch
     * loader shared by many rows the error would fail all of them.
     */
    public void checkCursor(String after) {
        if (after != null) {
            org.supervisionhub.graph.store.Cursor.decode(after, 1);
        }
    }

    /** The page size to use; rejects sizes below 1 or above the maximum with a typed error. */
    public int size(Integer first) {
        int size = first == null ? pagination.defaultSize() : first;
        if (size < 1 || size > pagination.maxSize()) {
            throw InvalidInputException.of("first", ErrorCode.PAGE_SIZE,
                    "first must be between 1 and " + pagination.maxSize() + ", got " + size, null);
        }
        return size;
    }
}
