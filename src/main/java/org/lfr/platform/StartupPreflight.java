package org.lfr.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Fails the start, with a message that says what to run, when PostgreSQL, pgvector or the OIDC provider is
 * missing; then migrates the schema. Done here rather than by Flyway's migrate-at-start so the first error a
 * platform team sees names the missing piece instead of a connection stack trace.
 */
@ApplicationScoped
public class StartupPreflight {

    private static final Logger LOG = Logger.getLogger(StartupPreflight.class);

    @Inject
    StartupConfig config;

    @Inject
    Flyway flyway;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;

    @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "")
    String dbPassword;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String oidcUrl;

    void onStart(@Observes StartupEvent event) {
        DatabasePreflight.check(jdbcUrl, dbUser, dbPassword);
        if (config.requireOidc()) {
            OidcPreflight.check(oidcUrl, config.oidcTimeout());
        }
        if (config.migrate()) {
            var result = flyway.migrate();
            LOG.infof("Database schema at version %s (%d migrations applied now)",
                    flyway.info().current() == null ? "none" : flyway.info().current().getVersion(),
                    result.migrationsExecuted);
        }
    }
}
