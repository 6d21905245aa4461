package org.lfr.watchlist;

import java.util.Optional;

/**
 * What the look-alike check needs from face recognition: a new entry's similarity to each face of a cohort of people
 * on no watchlist (docs/FAIRNESS.md, "Look-alike risk"). Implemented by the recognition runtime, which knows the
 * models and refuses a cohort made by other ones.
 */
public interface LookalikeCohort {

    /**
     * An entry's cohort scores: of {@code size} cohort faces, the similarities at or above {@code floor} (the lowest
     * threshold any deployment may use), highest first; enough to count the cohort faces at any allowed threshold.
     */
    record Scores(String cohort, int size, double floor, float[] atOrAboveFloor) {
    }

    /**
     * The scores of an embedding made by {@code model}, or empty when there is no usable cohort or it was made by
     * other models (then there is no rate: a rate from another model's scores would be wrong, not approximate).
     */
    Optional<Scores> score(float[] embedding, String model, double floor);
}
