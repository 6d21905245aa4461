package org.lfr.api.graphql;

import java.util.UUID;

import org.lfr.common.InputValidation;

/**
 * Identifier arguments arrive as GraphQL {@code ID}s (strings): SmallRye GraphQL 2.17 cannot coerce an {@code @Id}
 * argument to {@link UUID} (it parses the text as JSON), so the API takes the text and turns it into a UUID here, with
 * an invalid-input error naming the argument when it is not one.
 */
final class Ids {

    private Ids() {
    }

    static UUID uuid(String argument, String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            InputValidation.require(false, argument, "is not an id of this service");
            return null;
        }
    }
}
