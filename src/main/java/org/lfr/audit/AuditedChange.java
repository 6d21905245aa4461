package org.lfr.audit;

import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.common.Actor;
import org.lfr.common.ForbiddenException;
import org.lfr.common.GateNotMetException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Every state change of the service goes through here: the change and its audit event commit together or not at
 * all. A refusal — the caller may not ({@link ForbiddenException}) or rules are unmet ({@link GateNotMetException})
 * — rolls the change back and is itself recorded, in a transaction of its own, before the caller sees it (the first
 * of a caller's minute in full, the rest counted: {@link RefusalLimiter}).
 */
@ApplicationScoped
public class AuditedChange {

    /** What a change produced and what its audit event says about it. */
    public record Audited<T>(T value, Object subjectId, Map<String, ?> details) {

        public static <T> Audited<T> of(T value, Object subjectId, Map<String, ?> details) {
            return new Audited<>(value, subjectId, details);
        }
    }

    private final AuditService audit;
    private final RefusalLimiter refusals;

    public AuditedChange(AuditService audit, RefusalLimiter refusals) {
        this.audit = audit;
        this.refusals = refusals;
    }

    /**
     * Runs {@code change} in a new transaction with an {@code action} event about {@code subject}. {@code subjectId}
     * names the subject of a refusal (the change names its own, which may be new).
     */
    public <T> Uni<T> run(Actor actor, AuditAction action, AuditSubject subject, Object subjectId,
            Supplier<Uni<Audited<T>>> change) {
        return Panache.withTransaction(() -> change.get()
                .call(done -> audit.record(actor, action, subject, done.subjectId(), done.details()))
                .map(Audited::value))
                .onFailure(ForbiddenException.class).call(e -> refused(actor, action, subject, subjectId,
                        Map.of("reason", e.getMessage())))
                .onFailure(GateNotMetException.class).call(e -> refused(actor, action, subject, subjectId,
                        Map.of("unmetRules", ((GateNotMetException) e).unmetRuleNames())));
    }

    /** A refusal is recorded, the first of its minute in full and the rest counted ({@link RefusalLimiter}). */
    private Uni<Void> refused(Actor actor, AuditAction action, AuditSubject subject, Object subjectId,
            Map<String, ?> details) {
        return refusals.refused(actor, action.refused(), subject, subjectId, action.name(), false, details);
    }

    /**
     * Checks, in a session of its own, whether {@code actor} may do {@code action} before costly work starts; a refusal
     * is audited as the action's refusal, exactly as if the change itself had refused.
     */
    public Uni<Void> precheck(Actor actor, AuditAction action, AuditSubject subject, Object subjectId,
            Supplier<Uni<Void>> check) {
        return Panache.withSession(check)
                .onFailure(ForbiddenException.class).call(e -> refused(actor, action, subject, subjectId,
                        Map.of("reason", e.getMessage())));
    }

    /** Records an event that is not a change (a read of biometric data, say) in a transaction of its own. */
    public Uni<Void> record(Actor actor, AuditAction action, AuditSubject subject, Object subjectId,
            Map<String, ?> details) {
        return audit.recordAlone(actor, action, subject, subjectId, details).replaceWithVoid();
    }
}
