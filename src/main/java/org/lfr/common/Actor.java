package org.lfr.common;

import java.util.Set;


/** Who is acting: an authenticated user with their roles, or the service itself (schedulers, pipeline). */
public record Actor(String username, Set<String> roles) {

    public static final Actor SYSTEM = new Actor("system", Set.of());

    public boolean is(String role) {
        return roles.contains(role);
    }

    public boolean isOfficer() {
        return is(Roles.OFFICER);
    }

    public boolean isSupervisor() {
        return is(Roles.SUPERVISOR);
    }

    public boolean isDpo() {
        return is(Roles.DPO);
    }
}
