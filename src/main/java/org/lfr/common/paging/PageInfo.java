package org.lfr.common.paging;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** Relay's page information: whether there is more either way, and the cursors of the first and last edge. */
@Type("PageInfo")
public record PageInfo(@NonNull boolean hasNextPage, @NonNull boolean hasPreviousPage, String startCursor,
        String endCursor) {
}
