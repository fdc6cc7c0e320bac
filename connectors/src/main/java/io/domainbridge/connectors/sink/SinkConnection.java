package io.domainbridge.connectors.sink;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.apache.kafka.common.config.types.Password;

/**
 * The task's one connection, in manual-commit mode, reopened when it was lost. The driver is loaded from the plugin's
 * own class loader, not looked up in {@code DriverManager}, which may hold drivers of other plugins.
 */
public final class SinkConnection implements AutoCloseable {

    private static final int VALIDATION_TIMEOUT_SECONDS = 5;

    /** Opens a connection; the real one loads the driver, tests pass a fake. */
    @FunctionalInterface
    public interface Source {
        Connection open() throws SQLException;
    }

    private final Dialect dialect;
    private final String url;
    private final Properties properties = new Properties();
    private final Source source;
    private Connection connection;

    public SinkConnection(Source source) {
        this.dialect = null;
        this.url = null;
        this.source = source;
    }

    public SinkConnection(Dialect dialect, String url, String user, Password password) {
        this.dialect = dialect;
        this.url = url;
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password.value());
        }
        if (dialect == Dialect.POSTGRESQL) {
            // server error details quote row values; keep them out of exception messages and logs
            properties.setProperty("logServerErrorDetail", "false");
        }
        this.source = this::openWithDriver;
    }

    /** The open connection, reconnecting when the previous one is gone. */
    public Connection get() throws SQLException {
        if (connection == null || !connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
            closeQuietly();
            Connection opened = source.open();
            opened.setAutoCommit(false);
            connection = opened;
        }
        return connection;
    }

    public void rollbackQuietly() {
        try {
            if (connection != null && !connection.isClosed()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            closeQuietly();
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the connection is dropped either way
            }
            connection = null;
        }
    }

    private Connection openWithDriver() throws SQLException {
        Connection opened = driver().connect(url, properties);
        if (opened == null) {
            throw new SQLException("The " + dialect + " driver does not accept the configured URL", "08001");
        }
        if (dialect == Dialect.MARIADB) {
            // a server whose sql_mode is not strict truncates or converts values with only a warning
            try (Statement statement = opened.createStatement()) {
                statement.execute("SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''),"
                        + " 'STRICT_ALL_TABLES')");
            } catch (SQLException e) {
                opened.close();
                throw e;
            }
        }
        return opened;
    }

    private Driver driver() throws SQLException {
        String driverClass = dialect == Dialect.POSTGRESQL ? "org.postgresql.Driver" : "org.mariadb.jdbc.Driver";
        try {
            return (Driver) Class.forName(driverClass, true, SinkConnection.class.getClassLoader())
                    .getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException e) {
            throw new SQLException("JDBC driver " + driverClass + " is not in the plugin", "08001", e);
        }
    }
}
