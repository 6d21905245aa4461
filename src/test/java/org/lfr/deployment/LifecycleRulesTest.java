package org.lfr.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lfr.deployment.DeploymentStatus.ACTIVE;
import static org.lfr.deployment.DeploymentStatus.AUTHORISED;
import static org.lfr.deployment.DeploymentStatus.CANCELLED;
import static org.lfr.deployment.DeploymentStatus.CLOSED;
import static org.lfr.deployment.DeploymentStatus.DRAFT;
import static org.lfr.deployment.DeploymentStatus.PAUSED;
import static org.lfr.deployment.DeploymentStatus.REJECTED;
import static org.lfr.deployment.DeploymentStatus.SUBMITTED;
import static org.lfr.deployment.DeploymentStatus.SUSPENDED;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lfr.common.Actor;
import org.lfr.common.ConflictException;
import org.lfr.common.ForbiddenException;
import org.lfr.common.Roles;

/** The deployment state machine and who may act, as plain Java: no database, no container. */
class LifecycleRulesTest {

    /** From which statuses each transition may happen, and where it leads: the whole table, both ways. */
    static final Map<Transition, Set<DeploymentStatus>> FROM = Map.ofEntries(
            Map.entry(Transition.EDIT, EnumSet.of(DRAFT)),
            Map.entry(Transition.ADD_CAMERA, EnumSet.of(DRAFT)),
            Map.entry(Transition.REMOVE_CAMERA, EnumSet.of(DRAFT)),
            Map.entry(Transition.SUBMIT, EnumSet.of(DRAFT)),
            Map.entry(Transition.AUTHORISE, EnumSet.of(SUBMITTED)),
            Map.entry(Transition.REJECT, EnumSet.of(SUBMITTED)),
            Map.entry(Transition.CANCEL, EnumSet.of(DRAFT, SUBMITTED, AUTHORISED)),
            Map.entry(Transition.ASSIGN_OPERATORS, EnumSet.of(DRAFT, SUBMITTED, AUTHORISED, ACTIVE, PAUSED, SUSPENDED)),
            Map.entry(Transition.SET_THRESHOLD, EnumSet.of(DRAFT, SUBMITTED, AUTHORISED, PAUSED)),
            Map.entry(Transition.PAUSE, EnumSet.of(ACTIVE)),
            Map.entry(Transition.RESUME, EnumSet.of(PAUSED)),
            Map.entry(Transition.CLOSE, EnumSet.of(ACTIVE, PAUSED, SUSPENDED)),
            Map.entry(Transition.SUSPEND, EnumSet.of(AUTHORISED, ACTIVE, PAUSED)),
            Map.entry(Transition.EXPIRE, EnumSet.of(AUTHORISED, ACTIVE, PAUSED, SUSPENDED)));

    @Test
    void eachTransitionIsAllowedFromExactlyItsStatuses() {
        assertThat(FROM.keySet()).containsExactlyInAnyOrder(Transition.values());
        for (Transition t : Transition.values()) {
            for (DeploymentStatus s : DeploymentStatus.values()) {
                assertThat(t.allowedFrom(s)).as(t + " from " + s).isEqualTo(FROM.get(t).contains(s));
            }
        }
    }

    @Test
    void theEndedStatusesAreTerminal() {
        for (DeploymentStatus ended : EnumSet.of(CLOSED, REJECTED, CANCELLED)) {
            assertThat(Transition.values()).noneMatch(t -> t.allowedFrom(ended));
        }
        assertThat(Transition.REJECT.target()).contains(REJECTED);
        assertThat(Transition.CANCEL.target()).contains(CANCELLED);
        assertThat(Transition.EXPIRE.target()).contains(CLOSED);
        assertThat(Transition.EDIT.target()).isEmpty();
    }

    @Test
    void aRefusedTransitionIsAConflictThatNamesTheStatus() {
        assertThatThrownBy(() -> Transition.PAUSE.requireFrom(summary(DRAFT, "carol", null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("REF-1 is DRAFT and cannot be paused");
        assertThatCode(() -> Transition.PAUSE.requireFrom(summary(ACTIVE, "carol", "dave"))).doesNotThrowAnyException();
    }

    @Test
    void fourEyesHoldsEvenForADrafterWhoIsAlsoASupervisor() {
        Actor dual = new Actor("frank", Set.of(Roles.OFFICER, Roles.SUPERVISOR));
        assertThatThrownBy(() -> summary(SUBMITTED, "frank", null).requireFourEyes(dual, "authorise it"))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("four-eyes");
        assertThatCode(() -> summary(SUBMITTED, "carol", null).requireFourEyes(dual, "authorise it"))
                .doesNotThrowAnyException();
    }

    @Test
    void officersOperateWhatTheyAreAssignedToAndReadOnlyThat() {
        // drafted by carol, started by erin, operated by carol and dave: starting it made erin nothing
        DeploymentSummary d = summary(ACTIVE, "carol", "erin", "carol", "dave");
        Actor carol = officer("carol");
        Actor dave = officer("dave");
        Actor erin = officer("erin");
        assertThatCode(() -> d.requireOperatedBy(carol)).doesNotThrowAnyException();
        assertThatCode(() -> d.requireOperatedBy(dave)).doesNotThrowAnyException();
        assertThatThrownBy(() -> d.requireOperatedBy(erin)).isInstanceOf(ForbiddenException.class)
                .hasMessage("you are not assigned to operate deployment REF-1");
        assertThatThrownBy(() -> summary(ACTIVE, "carol", null, "dave").requireOperatedBy(carol))
                .as("a drafter taken off the deployment no longer operates it").isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> d.requireReadableBy(erin)).isInstanceOf(ForbiddenException.class);
        assertThatCode(() -> d.requireReadableBy(new Actor("alice", Set.of(Roles.SUPERVISOR)))).doesNotThrowAnyException();
        assertThatCode(() -> d.requireReadableBy(new Actor("erin.dpo", Set.of(Roles.DPO)))).doesNotThrowAnyException();
    }

    @Test
    void theDrafterAssignsOperatorsWhileItIsADraftThenOnlyASupervisor() {
        Actor alice = new Actor("alice", Set.of(Roles.SUPERVISOR));
        DeploymentSummary draft = summary(DRAFT, "carol", null, "carol", "dave");
        assertThatCode(() -> draft.requireMayAssignOperators(officer("carol"))).doesNotThrowAnyException();
        assertThatCode(() -> draft.requireMayAssignOperators(alice)).doesNotThrowAnyException();
        assertThatThrownBy(() -> draft.requireMayAssignOperators(officer("dave"))).as("an assigned officer")
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> summary(DRAFT, "carol", null, "dave").requireMayAssignOperators(officer("carol")))
                .as("a drafter taken off it cannot put themselves back").isInstanceOf(ForbiddenException.class);
        for (DeploymentStatus decided : List.of(SUBMITTED, AUTHORISED, ACTIVE, PAUSED, SUSPENDED)) {
            DeploymentSummary d = summary(decided, "carol", null, "carol");
            assertThatThrownBy(() -> d.requireMayAssignOperators(officer("carol"))).as(decided.name())
                    .isInstanceOf(ForbiddenException.class).hasMessageContaining("only a supervisor may assign");
            assertThatCode(() -> d.requireMayAssignOperators(alice)).as(decided.name()).doesNotThrowAnyException();
        }
    }

    @Test
    void onlyTheDrafterOrASupervisorSubmitsOrCancels() {
        DeploymentSummary d = summary(DRAFT, "carol", null);
        assertThatCode(() -> d.requireDraftedByOrSupervisor(officer("carol"), "submit")).doesNotThrowAnyException();
        assertThatCode(() -> d.requireDraftedByOrSupervisor(new Actor("alice", Set.of(Roles.SUPERVISOR)), "submit"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> d.requireDraftedByOrSupervisor(officer("dave"), "submit"))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> d.requireDraftedBy(officer("dave"))).isInstanceOf(ForbiddenException.class);
    }

    static Actor officer(String name) {
        return new Actor(name, Set.of(Roles.OFFICER));
    }

    /** A deployment operated by its drafter (as drafting assigns it), or by {@code operators} when given. */
    static DeploymentSummary summary(DeploymentStatus status, String createdBy, String startedBy, String... operators) {
        Instant now = Instant.parse("2026-11-30T10:00:00Z");
        return new DeploymentSummary(UUID.randomUUID(), "REF-1", status, createdBy, startedBy,
                new Operators(operators.length == 0 ? List.of(createdBy) : List.of(operators)), 0.81, now,
                now.plusSeconds(3600), null);
    }
}
