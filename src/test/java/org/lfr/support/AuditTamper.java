package org.lfr.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An insider with the schema owner's rights quietly edits one stored audit event, bypassing the append-only trigger:
 * what the hash chain must expose. {@link #close()} puts the original back.
 */
public final class AuditTamper implements AutoCloseable {

    public final long seq;
    public final String id;
    private final String original;

    private AuditTamper(long seq, String id, String original) {
        this.seq = seq;
        this.id = id;
        this.original = original;
    }

    /** Edits the details of the event {@code back} places before the newest. */
    public static AuditTamper editEvent(int back) throws SQLException {
        long seq = Sql.count("select max(seq) - " + back + " from audit_event");
        try (Connection c = Sql.owner().getConnection();
                PreparedStatement st = c.prepareStatement("select id, details from audit_event where seq = ?")) {
            st.setLong(1, seq);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                AuditTamper t = new AuditTamper(seq, rs.getString(1), rs.getString(2));
                write(c, seq, "{\"reference\":\"nothing to see\"}");
                return t;
            }
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = Sql.owner().getConnection()) {
            write(c, seq, original);
        }
    }

    private static void write(Connection c, long seq, String details) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("alter table audit_event disable trigger audit_event_append_only");
        }
        try (PreparedStatement st = c.prepareStatement("update audit_event set details = ? where seq = ?")) {
            st.setString(1, details);
            st.setLong(2, seq);
            st.executeUpdate();
        } finally {
            try (Statement st = c.createStatement()) {
                st.execute("alter table audit_event enable trigger audit_event_append_only");
            }
        }
    }
}
