package org.lfr.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.lfr.common.Actor;
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
    private final GovernanceConfig config;

    DeploymentReadiness(StartFactsLoader startFacts, GovernanceConfig config) {
        this.startFacts = startFacts;
        this.config = config;
    }

    @Type("RuleCheck")
    @Description("One rule of the start gate: its stable code (for support), whether it holds now, the state it needs"
            + " (`requirement`, what a checklist shows beside its tick) and the refusal's sentence (`description`).")
    public record RuleCheck(@NonNull GateRule rule, boolean met,
            @NonNull @Description("The state the rule needs, e.g. \"Every camera has a sign in place\".") String requirement,
            @NonNull @Description("The sentence a refusal gives when the rule is unmet.") String description) {
    }

    /**
     * Every rule, in the order declared, met or not: exactly the rules {@code startDeployment} would refuse with now
     * (or, running or paused, {@code resumeDeployment}) are unmet, because both come from one evaluation.
     */
    @OwnSession
    public Uni<List<RuleCheck>> checklist(Actor actor, UUID id) {
        return Deployment.require(id).invoke(d -> d.summary().requireReadableBy(actor)).chain(d -> {
            // running (or paused) deployments are checked where they are; the rest as if about to start
            DeploymentStatus from = d.status == DeploymentStatus.ACTIVE || d.status == DeploymentStatus.PAUSED ? d.status
                    : DeploymentStatus.AUTHORISED;
            return startFacts.unmet(d, from);
        }).map(unmet -> {
            List<RuleCheck> checks = new ArrayList<>();
            for (GateRule rule : GateRule.values()) {
                checks.add(new RuleCheck(rule, !unmet.contains(rule),
                        rule.requirement(config.noticeLeadTime(), config.maxWatchlistSize()), rule.description()));
            }
            return checks;
        });
    }
}
