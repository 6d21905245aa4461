package org.lfr.recognition.runtime;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Makes sure each camera is analysed by exactly one replica: a PostgreSQL session-level advisory lock per camera,
 * held on a dedicated connection for as long as the worker runs. A replica that dies loses its connection and with
 * it the lock, so another replica's next reconcile takes the camera over.
 */
@ApplicationScoped
public class CameraClaims {

    private static final Logger LOG = Logger.getLogger(CameraClaims.class);

    private final String jdbcUrl;
    private final String user;
    private final String password;

    CameraClaims(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "") String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** Held while this replica analyses the camera; closing it releases the camera. */
    public final class Claim implements AutoCloseable {
        private final UUID cameraId;
        private Connection held;

        private Claim(UUID cameraId, Connection held) {
            this.cameraId = cameraId;
            this.held = held;
        }

        /**
         * Whether this replica still holds the camera. A database restart ends the session and with it the lock:
         * the lock is then taken again on a new connection, unless another replica took the camera meanwhile.
         */
        public synchronized boolean renew() {
            try {
                if (held.isValid(2)) {
                    return true;
                }
            } catch (SQLException e) {
                // treated as lost, below
            }
            closeQuietly(held);
            try {
                Optional<Connection> again = lock(cameraId);
                again.ifPresent(c -> held = c);
                if (again.isPresent()) {
                    LOG.infof("camera %s: claim taken again after its database session ended", cameraId);
                }
                return again.isPresent();
            } catch (SQLException e) {
                return true; // the database is away: nobody can take the camera now; asked again at next reconcile
            }
        }

        @Override
        public synchronized void close() {
            try (Connection c = held) {
                try (PreparedStatement st = c.prepareStatement("select pg_advisory_unlock(?)")) {
                    st.setLong(1, lockKey(cameraId));
                    st.execute();
                }
            } catch (SQLException e) {
                LOG.debugf("releasing camera %s: %s (the lock goes with the connection)", cameraId, e.getMessage());
            }
        }
    }

    public static long lockKey(UUID cameraId) {
        return cameraId.getMostSignificantBits() ^ cameraId.getLeastSignificantBits();
    }

    /** The camera's claim, or empty when another replica holds it or the database cannot be reached. */
    public Optional<Claim> tryClaim(UUID cameraId) {
        try {
            return lock(cameraId).map(c -> new Claim(cameraId, c));
        } catch (SQLException e) {
            LOG.warnf("could not claim camera %s: %s", cameraId, e.getMessage());
            return Optional.empty();
        }
    }

    /** A new connection holding the camera's lock, or empty when another replica holds it. */
    private Optional<Connection> lock(UUID cameraId) throws SQLException {
        Connection connection = null;
        try {
            connection = DriverManager.getConnection(jdbcUrl, user, password);
            try (PreparedStatement st = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                st.setLong(1, lockKey(cameraId));
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        connection.close();
                        return Optional.empty();
                    }
                }
            }
            return Optional.of(connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing left to release
            }
        }
    }
}
