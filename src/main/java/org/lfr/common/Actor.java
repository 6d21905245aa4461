package org.lfr.common;

import java.util.Set;

/**
 * Who is acting: an authenticated user (or device) with their roles and the client their token was issued to, or
 * the service itself (schedulers, pipeline).
 */
public record Actor(String username, Set<String> roles, String client) {

    public static final Actor SYSTEM = new Actor("system", Set.of());

    public Actor(String username, Set<String> roles) {
        this(username, roles, null);
    }

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

    /** An edge camera's own service account. */
    public boolean isCameraDevice() {
        return is(Roles.CAMERA);
    }
}
