package org.lfr.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.agroal.api.AgroalDataSource;

/**
 * Direct SQL against the test database, for tests that play an insider changing rows behind the service's back: as
 * the service's own role, or as the schema owner (who holds the DDL rights the service lacks).
 */
public final class Sql {

    private Sql() {
    }

    public static AgroalDataSource owner() {
        return io.quarkus.arc.Arc.container().instance(AgroalDataSource.class,
                new io.quarkus.agroal.DataSource.DataSourceLiteral("owner")).get();
    }

    public static int asOwner(String sql, Object... params) {
        return update(owner(), sql, params);
    }

    public static int update(String sql, Object... params) {
        return update(Fixtures.bean(AgroalDataSource.class), sql, params);
    }

    private static int update(AgroalDataSource dataSource, String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(String sql, Object... params) {
        try (Connection c = Fixtures.bean(AgroalDataSource.class).getConnection();
                PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sessions holding a camera's claim: the session-level advisory lock of {@code CameraClaims} (its 64-bit key is
     * split into classid and objid in pg_locks).
     */
    public static long claimsHeld(java.util.UUID camera) {
        return count("select count(*) from pg_locks where locktype = 'advisory' and granted"
                + " and ((classid::bigint << 32) | objid::bigint) = ?",
                org.lfr.recognition.runtime.CameraClaims.lockKey(camera));
    }

    /** The first column of every row, as text. */
    public static java.util.List<String> strings(String sql, Object... params) {
        try (Connection c = Fixtures.bean(AgroalDataSource.class).getConnection();
                PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i] instanceof String[] array ? c.createArrayOf("text", array) : params[i]);
            }
            java.util.List<String> rows = new java.util.ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
