package io.domainbridge.connectors.sink;

import java.util.List;

/**
 * A parameterized statement, the record paths bound to its placeholders in order, what it means when it affects no
 * rows, and a statement that follows it for the same record (null when none).
 */
public record SqlCommand(String sql, List<String> parameters, ZeroRowsBehavior zeroRows, SqlCommand followUp) {

    public SqlCommand(String sql, List<String> parameters) {
        this(sql, parameters, ZeroRowsBehavior.IGNORE, null);
    }

    public SqlCommand(String sql, List<String> parameters, ZeroRowsBehavior zeroRows) {
        this(sql, parameters, zeroRows, null);
    }

    /** Whether both run the same statements, so that they share a JDBC batch. */
    boolean batchesWith(SqlCommand other) {
        return other != null
                && sql.equals(other.sql)
                && (followUp == null ? other.followUp == null : followUp.batchesWith(other.followUp));
    }
}
