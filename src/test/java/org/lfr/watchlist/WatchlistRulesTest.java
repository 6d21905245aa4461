package org.lfr.watchlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lfr.deployment.GateRule;

/** One set of watchlist rules for approval, authorisation and start, as plain Java. */
class WatchlistRulesTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-30");
    static final WatchlistRules.Limits LIMITS = new WatchlistRules.Limits(3, 1095);

    @Test
    void approvalNeedsEntriesWithinTheLimitAndEveryOverride() {
        assertThat(WatchlistRules.forApproval(List.of(), TODAY, LIMITS)).containsExactly(GateRule.WATCHLIST_EMPTY);
        assertThat(WatchlistRules.forApproval(entries(4), TODAY, LIMITS)).containsExactly(GateRule.WATCHLIST_TOO_LARGE);
        List<WatchlistEntry> withChild = entries(2);
        withChild.get(0).subjectUnder18 = true;
        assertThat(WatchlistRules.forApproval(withChild, TODAY, LIMITS)).containsExactly(GateRule.ENTRY_OVERRIDE_MISSING);
        withChild.get(0).overrideReason = "Missing child; parents' consent";
        assertThat(WatchlistRules.forApproval(withChild, TODAY, LIMITS)).isEmpty();
        List<WatchlistEntry> oldImage = entries(1);
        oldImage.get(0).imageDate = TODAY.minusDays(1096);
        assertThat(WatchlistRules.forApproval(oldImage, TODAY, LIMITS)).containsExactly(GateRule.ENTRY_OVERRIDE_MISSING);
    }

    @Test
    void authorisationAddsTheApprovalItselfToTheSameRules() {
        Watchlist w = new Watchlist();
        assertThat(WatchlistRules.forAuthorisation(w, entries(1), TODAY, LIMITS)).containsExactly(GateRule.WATCHLIST_NOT_APPROVED);
        assertThat(WatchlistRules.forAuthorisation(null, List.of(), TODAY, LIMITS))
                .containsExactly(GateRule.WATCHLIST_NOT_APPROVED, GateRule.WATCHLIST_EMPTY);
        w.approvedAt = Instant.now();
        assertThat(WatchlistRules.forAuthorisation(w, entries(1), TODAY, LIMITS)).isEmpty();
    }

    @Test
    void startingNeedsAnApprovedFrozenListWithinTheLimit() {
        Watchlist w = new Watchlist();
        w.approvedAt = Instant.now();
        assertThat(WatchlistRules.forStart(w, 1, LIMITS)).containsExactly(GateRule.WATCHLIST_NOT_FROZEN);
        w.frozenAt = Instant.now();
        assertThat(WatchlistRules.forStart(w, 1, LIMITS)).isEmpty();
        assertThat(WatchlistRules.forStart(w, 0, LIMITS)).containsExactly(GateRule.WATCHLIST_EMPTY);
        assertThat(WatchlistRules.forStart(w, 4, LIMITS)).containsExactly(GateRule.WATCHLIST_TOO_LARGE);
        assertThat(WatchlistRules.forStart(null, 1, LIMITS)).containsExactly(GateRule.WATCHLIST_NOT_FROZEN);
    }

    static List<WatchlistEntry> entries(int n) {
        List<WatchlistEntry> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            WatchlistEntry e = new WatchlistEntry();
            e.subjectReference = "S-" + i;
            e.imageDate = TODAY.minusMonths(2);
            list.add(e);
        }
        return list;
    }
}
