package org.lfr.common.paging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * One page of items in list order, each with its cursor, and the page information. Built from a keyset read of
 * {@code size + 1} rows in the direction of reading: the extra row only says that there is more.
 */
public record Page<T>(List<T> items, List<String> cursors, PageInfo pageInfo) {

    /** {@code rows} as read (in reading direction, at most size + 1); {@code key} gives each row's cursor key. */
    public static <T> Page<T> of(PageRequest request, List<T> rows, Function<T, String> key) {
        boolean more = rows.size() > request.size();
        List<T> items = new ArrayList<>(more ? rows.subList(0, request.size()) : rows);
        if (request.backwards()) {
            Collections.reverse(items);
        }
        List<String> cursors = items.stream().map(key).map(PageRequest::encode).toList();
        boolean fromCursor = request.cursor() != null;
        PageInfo info = new PageInfo(request.backwards() ? fromCursor : more, request.backwards() ? more : fromCursor,
                cursors.isEmpty() ? null : cursors.get(0), cursors.isEmpty() ? null : cursors.get(cursors.size() - 1));
        return new Page<>(items, cursors, info);
    }

    /**
     * A page of a list already in memory and in list order (a short list, read whole and cached): the items after
     * (or, backwards, before) the cursor's key. A key that is no longer in the list starts from the beginning (end).
     */
    public static <T> Page<T> ofList(PageRequest request, List<T> ordered, Function<T, String> key) {
        String field = request.backwards() ? "before" : "after";
        String cursorKey = request.decode(field);
        int at = -1;
        for (int i = 0; cursorKey != null && i < ordered.size(); i++) {
            if (key.apply(ordered.get(i)).equals(cursorKey)) {
                at = i;
                break;
            }
        }
        List<T> rows;
        if (request.backwards()) {
            int end = at < 0 ? ordered.size() : at;
            rows = new ArrayList<>(ordered.subList(Math.max(0, end - request.size() - 1), end));
            Collections.reverse(rows);
        } else {
            int start = at < 0 ? 0 : at + 1;
            rows = ordered.subList(start, Math.min(ordered.size(), start + request.size() + 1));
        }
        return of(request, rows, key);
    }

    /** The items as Relay edges, each with its cursor. */
    public <E> List<E> edges(BiFunction<String, T, E> edge) {
        return IntStream.range(0, items.size()).mapToObj(i -> edge.apply(cursors.get(i), items.get(i))).toList();
    }

    public <R> Page<R> map(Function<List<T>, List<R>> views) {
        return new Page<>(views.apply(items), cursors, pageInfo);
    }
}
