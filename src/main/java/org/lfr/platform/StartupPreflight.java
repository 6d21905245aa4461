package org.lfr.platform;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.flyway.FlywayDataSource;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;

/**
 * Fails the start, with a message that says what to run, when PostgreSQL, pgvector or the OIDC provider is
 * missing; then migrates the schema as its owner. Done here rather than by Flyway's migrate-at-start so the first
 * error a platform team sees names the missing piece instead of a connection stack trace.
 */
@ApplicationScoped
public class StartupPreflight {

    private static final Logger LOG = Logger.getLogger(StartupPreflight.class);

    private final StartupConfig config;
    private final Flyway flyway;
    private final AgroalDataSource owner;
    private final String jdbcUrl;
    private final String dbUser;
    private final String dbPassword;
    private final String ownerUser;
    private final String ownerPassword;
    private final String oidcUrl;

    StartupPreflight(StartupConfig config, @FlywayDataSource("owner") Flyway flyway,
            @DataSource("owner") AgroalDataSource owner,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String dbUser,
            @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "") String dbPassword,
            @ConfigProperty(name = "quarkus.datasource.owner.username") String ownerUser,
            @ConfigProperty(name = "quarkus.datasource.owner.password", defaultValue = "") String ownerPassword,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String oidcUrl) {
        this.config = config;
        this.flyway = flyway;
        this.owner = owner;
        this.jdbcUrl = jdbcUrl;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
        this.ownerUser = ownerUser;
        this.ownerPassword = ownerPassword;
        this.oidcUrl = oidcUrl;
    }

    /** First of all start-up observers: nothing may touch the database before it is checked and migrated. */
    void onStart(@Observes @jakarta.annotation.Priority(1) StartupEvent event) {
        if (config.migrate()) {
            DatabasePreflight.check(jdbcUrl, ownerUser, ownerPassword, "owner");
            var result = flyway.migrate();
            LOG.infof("Database schema at version %s (%d migrations applied now, as %s)",
                    flyway.info().current() == null ? "none" : flyway.info().current().getVersion(),
                    result.migrationsExecuted, ownerUser);
        }
        if (config.migrateOnly()) {
            LOG.info("Migration-only run (lfr.startup.migrate-only): exiting");
            Quarkus.asyncExit(0);
            return;
        }
        DatabasePreflight.check(jdbcUrl, dbUser, dbPassword, "service");
        if (config.requireOidc()) {
            OidcPreflight.check(oidcUrl, config.oidcTimeout());
        }
        if (config.resetDataForTests()) {
            resetData();
        }
    }

    private void resetData() {
        String database = DatabasePreflight.safeUrl(jdbcUrl).replaceAll(".*/", "");
        if (!database.endsWith("_test")) {
            throw new PreflightFailure("lfr.startup.reset-data-for-tests is set but database '" + database
                    + "' is not a test database (its name must end in _test); refusing to empty it.");
        }
        try (var connection = owner.getConnection(); var statement = connection.createStatement()) {
            statement.execute("truncate table audit_event, purge_log, deployment_record, alert_crop, alert,"
                    + " leaflet_distribution, signage, community_notice, enrolment_embedding, enrolment_image,"
                    + " watchlist_entry, watchlist, camera, deployment, restore_marker restart identity cascade");
            LOG.warnf("Emptied every table of test database %s", database);
        } catch (SQLException e) {
            throw new PreflightFailure("could not empty test database " + database + ": " + e.getMessage(), e);
        }
    }
}
