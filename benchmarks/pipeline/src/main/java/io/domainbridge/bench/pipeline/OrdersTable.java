package io.domainbridge.bench.pipeline;

import io.domainbridge.testkit.rig.PostgresDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The source table both extractors read: orders with an {@code updated_at} column that every write sets, a version
 * counter, and the index a timestamp+incrementing poller needs, {@code (updated_at, id)}. Made afresh, with the same
 * rows, before each run.
 */
final class OrdersTable {

    static final String TABLE = "shop.orders";
    static final String INDEX = "orders_updated_at_id";
    static final String COLUMNS = "id, customer_id, status, amount, note, version, updated_at";

    private OrdersTable() {}

    /** Drops and creates the table with {@code rows} orders (ids 1..rows, version 1), then vacuums and analyzes it. */
    static void recreate(PostgresDatabase database, int rows) {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists shop cascade");
            statement.execute("create schema shop");
            statement.execute("create table " + TABLE + " (id bigint primary key, customer_id bigint not null,"
                    + " status text not null, amount numeric(12,2) not null, note text, version int not null,"
                    + " updated_at timestamptz not null default now()) with (autovacuum_enabled = false)");
            statement.execute("create index " + INDEX + " on " + TABLE + " (updated_at, id)");
            statement.execute("insert into " + TABLE + " select g, g % 997, 'NEW', (g % 100000) / 100.0,"
                    + " repeat('n', 80), 1, now() - interval '1 day' + g * interval '1 ms'"
                    + " from generate_series(1, " + rows + ") g");
            statement.execute("vacuum analyze " + TABLE);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create " + TABLE + " in " + database.name(), e);
        }
    }
}
