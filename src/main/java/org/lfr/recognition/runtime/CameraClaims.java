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
    public interface Claim extends AutoCloseable {
        @Override
        void close();
    }

    public static long lockKey(UUID cameraId) {
        return cameraId.getMostSignificantBits() ^ cameraId.getLeastSignificantBits();
    }

    public Optional<Claim> tryClaim(UUID cameraId) {
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
            Connection held = connection;
            return Optional.of(() -> {
                try (held) {
                    try (PreparedStatement st = held.prepareStatement("select pg_advisory_unlock(?)")) {
                        st.setLong(1, lockKey(cameraId));
                        st.execute();
                    }
                } catch (SQLException e) {
                    LOG.debugf("releasing camera %s: %s (the lock goes with the connection)", cameraId, e.getMessage());
                }
            });
        } catch (SQLException e) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // nothing left to release
                }
            }
            LOG.warnf("could not claim camera %s: %s", cameraId, e.getMessage());
            return Optional.empty();
        }
    }
}
