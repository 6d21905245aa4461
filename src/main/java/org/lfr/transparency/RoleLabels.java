package org.lfr.transparency;

import jakarta.enterprise.context.ApplicationScoped;

import org.lfr.common.Actor;

/** The role a record names instead of a person (lfr.records.role-labels.*). */
@ApplicationScoped
class RoleLabels {

    private final RecordsConfig config;

    RoleLabels(RecordsConfig config) {
        this.config = config;
    }

    /** Authorising is a supervisor's decision (four-eyes), so the authoriser is labelled as one. */
    String authoriser() {
        return config.roleLabels().supervisor();
    }

    /** Only a supervisor publishes a record: a preview, whoever asks for it, names the publisher as one. */
    String publisher() {
        return config.roleLabels().supervisor();
    }

    /** The publisher's label: a supervisor's (who publishes), else the DPO's. */
    String of(Actor actor) {
        return actor.isSupervisor() || !actor.isDpo() ? config.roleLabels().supervisor() : config.roleLabels().dpo();
    }
}
