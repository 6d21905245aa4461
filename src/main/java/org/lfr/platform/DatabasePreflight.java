package org.lfr.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Checks, before any migration runs, that PostgreSQL answers and that the pgvector extension exists in the
 * service's database. The service's own role usually may not create {@code vector} (it is not a trusted
 * extension), so a missing extension is reported with the exact statement a superuser must run.
 */
public final class DatabasePreflight {

    static final String FIX_LOCAL = "For local development run `scripts/infra up`";

    private DatabasePreflight() {
    }

    /** As the service's own role. */
    public static void check(String jdbcUrl, String user, String password) {
        check(jdbcUrl, user, password, "service");
    }

    /** {@code as}: "service" (its own role) or "owner" (the schema owner that migrates), to name the settings. */
    public static void check(String jdbcUrl, String user, String password, String as) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            checkVector(connection, jdbcUrl);
        } catch (SQLException e) {
            String credentials = "owner".equals(as) ? "QUARKUS_DATASOURCE_OWNER_USERNAME and"
                    + " QUARKUS_DATASOURCE_OWNER_PASSWORD (the schema owner that runs the migrations)"
                    : "QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD";
            throw new PreflightFailure("PostgreSQL is not reachable at " + safeUrl(jdbcUrl) + " as " + as + " user '"
                    + user + "': " + e.getMessage().replaceAll("[.\\s]+$", "") + ". " + FIX_LOCAL
                    + "; elsewhere set LFR_DB_HOST, LFR_DB_PORT, LFR_DB_NAME, " + credentials + ".", e);
        }
    }

    private static void checkVector(Connection connection, String jdbcUrl) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("select extversion from pg_extension where extname = 'vector'")) {
            if (!rs.next()) {
                throw new PreflightFailure("The PostgreSQL extension 'vector' (pgvector) is missing in database "
                        + safeUrl(jdbcUrl) + ". As a superuser, run: create extension vector; (install pgvector"
                        + " on the server first if it is not available). " + FIX_LOCAL + ".");
            }
        }
    }

    /** JDBC URLs may carry credentials as parameters; never echo those. */
    static String safeUrl(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }
}
