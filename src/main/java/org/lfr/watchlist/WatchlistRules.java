package org.lfr.watchlist;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.lfr.deployment.GateRule;

/**
 * What a watchlist must be before a supervisor approves it, before its deployment is authorised (the same, and
 * approved), and before the deployment starts (frozen). Plain Java: one set of rules for approval and authorisation.
 */
public final class WatchlistRules {

    /** The configured limits: largest list, oldest image without a supervisor's override. */
    public record Limits(int maxSize, int maxImageAgeDays) {
    }

    private WatchlistRules() {
    }

    public static List<GateRule> forApproval(List<WatchlistEntry> entries, LocalDate today, Limits limits) {
        List<GateRule> unmet = new ArrayList<>();
        if (entries.isEmpty()) {
            unmet.add(GateRule.WATCHLIST_EMPTY);
        }
        if (entries.size() > limits.maxSize()) {
            unmet.add(GateRule.WATCHLIST_TOO_LARGE);
        }
        if (entries.stream().anyMatch(e -> e.needsOverride(today, limits.maxImageAgeDays()) && !e.hasOverride())) {
            unmet.add(GateRule.ENTRY_OVERRIDE_MISSING);
        }
        return unmet;
    }

    /** {@code watchlist} may be null (none was opened). */
    public static List<GateRule> forAuthorisation(Watchlist watchlist, List<WatchlistEntry> entries, LocalDate today,
            Limits limits) {
        List<GateRule> unmet = new ArrayList<>();
        if (watchlist == null || !watchlist.isApproved()) {
            unmet.add(GateRule.WATCHLIST_NOT_APPROVED);
        }
        unmet.addAll(forApproval(entries, today, limits));
        return unmet;
    }

    public static List<GateRule> forStart(Watchlist watchlist, long size, Limits limits) {
        List<GateRule> unmet = new ArrayList<>();
        if (watchlist == null || !watchlist.isApproved() || !watchlist.isFrozen()) {
            unmet.add(GateRule.WATCHLIST_NOT_FROZEN);
        }
        if (size == 0) {
            unmet.add(GateRule.WATCHLIST_EMPTY);
        }
        if (size > limits.maxSize()) {
            unmet.add(GateRule.WATCHLIST_TOO_LARGE);
        }
        return unmet;
    }
}
