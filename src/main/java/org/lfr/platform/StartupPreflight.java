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

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;

    @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "")
    String dbPassword;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String oidcUrl;

    /** First of all start-up observers: nothing may touch the database before it is checked and migrated. */
    void onStart(@Observes @jakarta.annotation.Priority(1) StartupEvent event) {
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
        if (config.resetDataForTests()) {
            resetData();
        }
        if (config.migrateOnly()) {
            LOG.info("Migration-only run (lfr.startup.migrate-only): exiting");
            io.quarkus.runtime.Quarkus.asyncExit(0);
        }
    }

    private void resetData() {
        String database = DatabasePreflight.safeUrl(jdbcUrl).replaceAll(".*/", "");
        if (!database.endsWith("_test")) {
            throw new PreflightFailure("lfr.startup.reset-data-for-tests is set but database '" + database
                    + "' is not a test database (its name must end in _test); refusing to empty it.");
        }
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("truncate table audit_event, purge_log, deployment_record, alert_crop, alert,"
                    + " leaflet_distribution, signage, community_notice, enrolment_embedding, enrolment_image,"
                    + " watchlist_entry, watchlist, camera, deployment restart identity cascade");
            LOG.warnf("Emptied every table of test database %s", database);
        } catch (java.sql.SQLException e) {
            throw new PreflightFailure("could not empty test database " + database + ": " + e.getMessage(), e);
        }
    }
}
