package org.lfr.api.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Query;

import org.lfr.common.Roles;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

@GraphQLApi
public class SessionApi {

    private final SecurityIdentity identity;

    SessionApi(SecurityIdentity identity) {
        this.identity = identity;
    }

    @Description("Who the caller is and which of the service's roles they hold.")
    public record Caller(String username, List<String> roles) {
    }

    @Query("me")
    @Description("The signed-in user and their roles (officer, supervisor, dpo).")
    @Authenticated
    public Caller me() {
        return new Caller(identity.getPrincipal().getName(), identity.getRoles().stream().filter(Roles.ALL::contains).sorted().toList());
    }
}
