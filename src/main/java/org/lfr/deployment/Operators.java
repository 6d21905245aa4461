package org.lfr.deployment;

import java.util.List;

/**
 * The officers assigned to operate a deployment: the one definition of "operates". Only they start, pause, resume,
 * stop, push frames, record signs and leaflets, publish notices and edit the watchlist of a deployment, and only
 * they (besides supervisors and the DPO) read its alerts, crops and images. The drafter is assigned when the draft is
 * created; assignOperators changes the set, audited. Starting a deployment makes nobody its operator.
 */
public record Operators(List<String> usernames) {

    /**
     * The same rule as a Hibernate query condition on {@link Deployment}, for lists filtered by "operated by me"
     * (bound as {@code :me}); kept beside {@link #include} so the two cannot drift apart.
     */
    static final String INCLUDE_ME = "array_contains(operators, :me)";

    public Operators {
        usernames = List.copyOf(usernames);
    }

    public boolean include(String username) {
        return usernames.contains(username);
    }
}
