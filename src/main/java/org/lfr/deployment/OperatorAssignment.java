package org.lfr.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.audit.AuditAction;
import org.lfr.common.Actor;
import org.lfr.common.InputValidation;

import io.smallrye.mutiny.Uni;

/**
 * Assigns the officers who operate a deployment ({@link Operators}): its drafter or a supervisor before it runs, a
 * supervisor only afterwards; every change audited with who was added and removed.
 */
@ApplicationScoped
public class OperatorAssignment {

    /** A van's crew and its relief, with room to spare; a list longer than this is a mistake or an abuse. */
    static final int MAX_OPERATORS = 20;
    /** Usernames as the identity provider issues them (Keycloak's default character set), at most 200 characters. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@+-]{1,200}");

    private final DeploymentChanges changes;

    OperatorAssignment(DeploymentChanges changes) {
        this.changes = changes;
    }

    public Uni<DeploymentView> assign(Actor actor, UUID id, List<String> usernames) {
        List<String> operators = validated(usernames);
        return changes.transition(actor, AuditAction.OPERATORS_ASSIGNED, id, d -> {
            d.summary().requireMayAssignOperators(actor);
            Transition.ASSIGN_OPERATORS.requireFrom(d.summary());
            List<String> added = new ArrayList<>(operators);
            added.removeAll(d.operators);
            List<String> removed = new ArrayList<>(d.operators);
            removed.removeAll(operators);
            d.operators = operators;
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("operators", operators);
            details.put("added", added);
            details.put("removed", removed);
            return Uni.createFrom().item(details);
        });
    }

    /** At least one officer, each a well-formed username, no repeats (kept in the order given). */
    static List<String> validated(List<String> usernames) {
        InputValidation.require(usernames != null && !usernames.isEmpty(), "usernames",
                "name at least one officer to operate the deployment");
        InputValidation.require(usernames.size() <= MAX_OPERATORS, "usernames",
                "at most " + MAX_OPERATORS + " officers may operate a deployment");
        for (int i = 0; i < usernames.size(); i++) {
            String u = usernames.get(i);
            InputValidation.require(u != null && USERNAME.matcher(u).matches(), "usernames[" + i + "]",
                    "is not a username (letters, digits and . _ @ + -, at most 200)");
        }
        return List.copyOf(new LinkedHashSet<>(usernames));
    }
}
