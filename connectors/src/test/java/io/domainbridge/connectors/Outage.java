package io.domainbridge.connectors;

import io.domainbridge.connectors.sink.SinkConnection;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Connections to a real database that an outage takes away: while it lasts, opening fails as a refused connection
 * does, and the connections opened before are closed, as a server going down closes them.
 */
final class Outage implements SinkConnection.Source {

    private final TestDatabase database;
    private final List<Connection> opened = new ArrayList<>();
    private volatile boolean down;

    Outage(TestDatabase database, boolean down) {
        this.database = database;
        this.down = down;
    }

    synchronized void begin() throws SQLException {
        down = true;
        for (Connection connection : opened) {
            connection.close();
        }
        opened.clear();
    }

    void end() {
        down = false;
    }

    @Override
    public synchronized Connection open() throws SQLException {
        if (down) {
            throw new SQLException("Connection refused", "08001");
        }
        Connection connection = database.connect();
        opened.add(connection);
        return connection;
    }
}
