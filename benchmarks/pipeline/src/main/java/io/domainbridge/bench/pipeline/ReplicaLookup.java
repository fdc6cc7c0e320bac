package io.domainbridge.bench.pipeline;

import io.domainbridge.testkit.rig.PostgresDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A lookup in the consumer domain's own database: its replicated {@code package_lookup} table, one connection. */
final class ReplicaLookup implements PackageLookup {

    static final String QUERY = "select package_id, tracking_no, package_state, whereabouts, weight_grams"
            + " from package_lookup where package_id = ?";

    private final Connection connection;
    private final PreparedStatement statement;

    ReplicaLookup(PostgresDatabase customerService) throws SQLException {
        connection = customerService.connect();
        statement = connection.prepareStatement(QUERY);
    }

    @Override
    public PackageView find(long id) throws SQLException {
        statement.setLong(1, id);
        try (ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("No package " + id + " in the replica");
            }
            return new PackageView(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getInt(5));
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot close the replica connection", e);
        }
    }
}
