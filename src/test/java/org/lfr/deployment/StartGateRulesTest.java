package org.lfr.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

/**
 * Each start rule alone, as plain Java over {@link StartFacts}: a deployment that meets every rule starts; breaking
 * one rule refuses the start with exactly that rule. (StartGateTest checks the same end to end, with the database.)
 */
class StartGateRulesTest {

    static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    static final Duration LEAD = Duration.ofHours(24);
    static final UUID CAMERA = UUID.randomUUID();

    /** Everything in order: authorised by a second person, in its window, noticed a day ahead, signed, frozen. */
    static StartFacts ready() {
        return new StartFacts(DeploymentStatus.AUTHORISED, "carol", "alice", NOW.minusSeconds(60),
                NOW.plusSeconds(3600), "DPIA-1", null, List.of(NOW.minus(Duration.ofHours(25))), Set.of(CAMERA),
                Set.of(CAMERA), List.of());
    }

    @Test
    void aDeploymentThatMeetsEveryRuleMayStart() {
        assertThat(StartGate.unmet(ready(), DeploymentStatus.AUTHORISED, NOW, LEAD)).isEmpty();
    }

    @Test
    void eachRuleAloneRefusesTheStart() {
        assertOnly(GateRule.NOT_AUTHORISED, f -> with(f, DeploymentStatus.SUBMITTED, f.authorisedBy(), f.plannedStart(),
                f.noticesPublishedAt(), f.noticeExemptionReason(), f.dpiaReference(), f.cameras(), f.camerasWithSigns()));
        assertOnly(GateRule.FOUR_EYES, f -> with(f, f.status(), "carol", f.plannedStart(), f.noticesPublishedAt(),
                f.noticeExemptionReason(), f.dpiaReference(), f.cameras(), f.camerasWithSigns()));
        assertOnly(GateRule.OUTSIDE_AUTHORISED_WINDOW, f -> with(f, f.status(), f.authorisedBy(), NOW.plusSeconds(60),
                f.noticesPublishedAt(), f.noticeExemptionReason(), f.dpiaReference(), f.cameras(), f.camerasWithSigns()));
        assertOnly(GateRule.COMMUNITY_NOTICE_LEAD_TIME, f -> with(f, f.status(), f.authorisedBy(), f.plannedStart(),
                List.of(NOW.minus(Duration.ofHours(23))), null, f.dpiaReference(), f.cameras(), f.camerasWithSigns()));
        assertOnly(GateRule.DPIA_MISSING, f -> with(f, f.status(), f.authorisedBy(), f.plannedStart(),
                f.noticesPublishedAt(), f.noticeExemptionReason(), " ", f.cameras(), f.camerasWithSigns()));
        assertOnly(GateRule.NO_CAMERAS, f -> with(f, f.status(), f.authorisedBy(), f.plannedStart(),
                f.noticesPublishedAt(), f.noticeExemptionReason(), f.dpiaReference(), Set.of(), Set.of()));
        assertOnly(GateRule.SIGNAGE_NOT_PLACED, f -> with(f, f.status(), f.authorisedBy(), f.plannedStart(),
                f.noticesPublishedAt(), f.noticeExemptionReason(), f.dpiaReference(), f.cameras(), Set.of()));
    }

    @Test
    void theWatchlistsOwnRulesAreReportedWithTheOthers() {
        StartFacts f = ready();
        StartFacts unfrozen = new StartFacts(f.status(), f.createdBy(), f.authorisedBy(), f.plannedStart(),
                f.plannedEnd(), f.dpiaReference(), f.noticeExemptionReason(), f.noticesPublishedAt(), f.cameras(),
                f.camerasWithSigns(), List.of(GateRule.WATCHLIST_NOT_FROZEN, GateRule.WATCHLIST_EMPTY));
        assertThat(StartGate.unmet(unfrozen, DeploymentStatus.AUTHORISED, NOW, LEAD))
                .containsExactly(GateRule.WATCHLIST_NOT_FROZEN, GateRule.WATCHLIST_EMPTY);
    }

    @Test
    void aCriticalThreatExemptionWaivesTheNoticeAndTheWindowEndIsExclusive() {
        StartFacts f = ready();
        StartFacts exempt = with(f, f.status(), f.authorisedBy(), f.plannedStart(), List.of(), "Armed suspect",
                f.dpiaReference(), f.cameras(), f.camerasWithSigns());
        assertThat(StartGate.unmet(exempt, DeploymentStatus.AUTHORISED, NOW, LEAD)).isEmpty();
        assertThat(StartGate.unmet(f, DeploymentStatus.AUTHORISED, f.plannedEnd(), LEAD))
                .contains(GateRule.OUTSIDE_AUTHORISED_WINDOW);
        assertThat(StartGate.unmet(f, DeploymentStatus.AUTHORISED, f.plannedStart(), LEAD)).isEmpty();
    }

    @Test
    void resumingIsJudgedFromPaused() {
        StartFacts f = ready();
        StartFacts paused = with(f, DeploymentStatus.PAUSED, f.authorisedBy(), f.plannedStart(), f.noticesPublishedAt(),
                f.noticeExemptionReason(), f.dpiaReference(), f.cameras(), f.camerasWithSigns());
        assertThat(StartGate.unmet(paused, DeploymentStatus.PAUSED, NOW, LEAD)).isEmpty();
        assertThat(StartGate.unmet(paused, DeploymentStatus.AUTHORISED, NOW, LEAD)).containsExactly(GateRule.NOT_AUTHORISED);
    }

    private static void assertOnly(GateRule rule, UnaryOperator<StartFacts> breakIt) {
        assertThat(StartGate.unmet(breakIt.apply(ready()), DeploymentStatus.AUTHORISED, NOW, LEAD)).as(rule.name())
                .containsExactly(rule);
    }

    private static StartFacts with(StartFacts f, DeploymentStatus status, String authorisedBy, Instant plannedStart,
            List<Instant> notices, String exemption, String dpia, Set<UUID> cameras, Set<UUID> signed) {
        return new StartFacts(status, f.createdBy(), authorisedBy, plannedStart, f.plannedEnd(), dpia, exemption, notices,
                cameras, signed, f.watchlistUnmet());
    }
}
