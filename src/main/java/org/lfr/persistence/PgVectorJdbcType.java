package org.lfr.persistence;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.BasicBinder;
import org.hibernate.type.descriptor.jdbc.BasicExtractor;
import org.hibernate.type.descriptor.jdbc.JdbcType;

/**
 * Maps a {@code float[]} attribute to a pgvector {@code vector(n)} column through pgvector's text form
 * {@code [x,y,...]}.
 * <p>
 * Hibernate's stock {@code SqlTypes.VECTOR} mapping binds a Java array, which Hibernate Reactive cannot pass to the
 * Vert.x PostgreSQL client (HR000084). The Vert.x client does pass strings for types it does not know, and
 * PostgreSQL casts the text to {@code vector} itself, so the text form works on both JDBC and the reactive client.
 */
public class PgVectorJdbcType implements JdbcType {

    @Override
    public int getJdbcTypeCode() {
        return Types.OTHER;
    }

    @Override
    public String getFriendlyName() {
        return "vector";
    }

    @Override
    public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
        return new BasicBinder<>(javaType, this) {
            @Override
            protected void doBind(PreparedStatement st, X value, int index, WrapperOptions options) throws SQLException {
                st.setObject(index, VectorText.format(javaType.unwrap(value, float[].class, options)), Types.OTHER);
            }

            @Override
            protected void doBind(CallableStatement st, X value, String name, WrapperOptions options)
                    throws SQLException {
                st.setObject(name, VectorText.format(javaType.unwrap(value, float[].class, options)), Types.OTHER);
            }
        };
    }

    @Override
    public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
        return new BasicExtractor<>(javaType, this) {
            @Override
            protected X doExtract(ResultSet rs, int paramIndex, WrapperOptions options) throws SQLException {
                return javaType.wrap(VectorText.parse(rs.getString(paramIndex)), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, int index, WrapperOptions options) throws SQLException {
                return javaType.wrap(VectorText.parse(statement.getString(index)), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, String name, WrapperOptions options)
                    throws SQLException {
                return javaType.wrap(VectorText.parse(statement.getString(name)), options);
            }
        };
    }
}
