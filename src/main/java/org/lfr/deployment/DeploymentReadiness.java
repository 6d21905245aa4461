package org.lfr.deployment;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.lfr.common.Actor;
import org.lfr.common.Now;
import org.lfr.persistence.OwnSession;

import io.smallrye.mutiny.Uni;

/**
 * The start gate as a checklist, for the people who must satisfy it: every rule that stands between a deployment and
 * matching faces, met or not, with its code and sentence — computed by the same {@link StartGate} and threshold rules
 * that refuse the transitions, so the list and the refusal cannot disagree.
 */
@ApplicationScoped
public class DeploymentReadiness {

    private final StartFactsLoader startFacts;
    private final DeploymentInputRules rules;
    private final GovernanceConfig config;
    private final Now now;

    DeploymentReadiness(StartFactsLoader startFacts, DeploymentInputRules rules, GovernanceConfig config, Now now) {
        this.startFacts = startFacts;
        this.rules = rules;
        this.config = config;
        this.now = now;
    }

    @Type("RuleCheck")
    @Description("One rule of the start gate: its stable code, whether it holds now, and what it asks.")
    public record RuleCheck(@NonNull GateRule rule, boolean met, @NonNull String description) {
    }

    /** Every start rule, in the order the gate checks them, met or not. */
    @OwnSession
    public Uni<List<RuleCheck>> checklist(Actor actor, UUID id) {
        return Deployment.require(id).invoke(d -> d.summary().requireReadableBy(actor)).chain(d -> startFacts.load(d).map(facts -> {
            // running (or paused) deployments are checked where they are; the rest as if about to start
            DeploymentStatus from = d.status == DeploymentStatus.ACTIVE || d.status == DeploymentStatus.PAUSED ? d.status
                    : DeploymentStatus.AUTHORISED;
            Set<GateRule> unmet = EnumSet.noneOf(GateRule.class);
            unmet.addAll(StartGate.unmet(facts, from, now.instant(), config.noticeLeadTime()));
            unmet.addAll(rules.thresholdUnmet(d.matchThreshold));
            List<RuleCheck> checks = new ArrayList<>();
            for (GateRule rule : GateRule.values()) {
                checks.add(new RuleCheck(rule, !unmet.contains(rule), rule.description()));
            }
            return checks;
        }));
    }
}
