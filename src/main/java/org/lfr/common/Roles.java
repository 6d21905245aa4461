package org.lfr.common;

import java.util.Set;

/** The realm roles the OIDC provider grants; see docs and the realm file under src/main/keycloak. */
public final class Roles {

    public static final String OFFICER = "officer";
    public static final String SUPERVISOR = "supervisor";
    public static final String DPO = "dpo";
    /** Edge camera devices (service accounts) that push frames; no other right. */
    public static final String CAMERA = "camera";

    public static final Set<String> ALL = Set.of(OFFICER, SUPERVISOR, DPO);

    private Roles() {
    }
}
