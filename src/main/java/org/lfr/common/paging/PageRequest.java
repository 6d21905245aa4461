package org.lfr.common.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.lfr.common.InputValidation;

/**
 * A Relay-style page request: the {@code first} items after a cursor, or the {@code last} items before one. Cursors
 * are opaque to clients; inside they carry the key the list is ordered by.
 */
public record PageRequest(Integer first, String after, Integer last, String before) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    /** Checked page arguments; bad ones fail with invalid-input naming the argument. */
    public PageRequest {
        InputValidation.require(first == null || last == null, "last", "give first or last, not both");
        InputValidation.require(first == null || (first >= 1 && first <= MAX_SIZE), "first",
                "must be between 1 and " + MAX_SIZE);
        InputValidation.require(last == null || (last >= 1 && last <= MAX_SIZE), "last",
                "must be between 1 and " + MAX_SIZE);
        InputValidation.require(after == null || before == null, "before", "give after or before, not both");
    }

    /** Newest-first lists read backwards: {@code last} items (before a cursor), else forwards. */
    public boolean backwards() {
        return last != null || (before != null && first == null);
    }

    public int size() {
        return first != null ? first : last != null ? last : DEFAULT_SIZE;
    }

    /** The cursor to read from ({@code after} forwards, {@code before} backwards), or null from the start or end. */
    public String cursor() {
        return backwards() ? before : after;
    }

    /** An opaque cursor for a key. */
    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The key inside a cursor; a cursor that was not made here fails with invalid-input. */
    public String decode(String field) {
        String cursor = cursor();
        if (cursor == null) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            InputValidation.require(false, field, "is not a cursor returned by this service");
            return null;
        }
    }

    /** A cursor holding a sequence number ({@code seq}-ordered lists). */
    public Long decodeSeq() {
        String field = backwards() ? "before" : "after";
        String key = decode(field);
        if (key == null) {
            return null;
        }
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            InputValidation.require(false, field, "is not a cursor returned by this service");
            return null;
        }
    }
}
