package io.domainbridge.testkit.scenarios;

import io.domainbridge.testkit.rig.PostgresDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** One PostgreSQL database per domain of a scenario, each made from the domain's SQL file. */
public final class ScenarioDatabases implements AutoCloseable {

    private final Map<String, PostgresDatabase> byDomain = new LinkedHashMap<>();

    public static ScenarioDatabases create(Path sqlFolder, List<String> domains) {
        ScenarioDatabases databases = new ScenarioDatabases();
        for (String domain : domains) {
            PostgresDatabase database = PostgresDatabase.create(domain.replace("_", ""));
            databases.byDomain.put(domain, database);
            databases.execute(domain, read(sqlFolder.resolve(domain + ".sql")));
        }
        return databases;
    }

    public PostgresDatabase of(String domain) {
        PostgresDatabase database = byDomain.get(domain);
        if (database == null) {
            throw new IllegalArgumentException("No domain " + domain + " in " + byDomain.keySet());
        }
        return database;
    }

    public Map<String, PostgresDatabase> all() {
        return byDomain;
    }

    public void execute(String domain, String sql) {
        try (Connection connection = of(domain).connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed in domain " + domain, e);
        }
    }

    /** The rows of a query, each as its columns' text joined by {@code |} ({@code null} for SQL NULL). */
    public List<String> rows(String domain, String query) {
        try (Connection connection = of(domain).connect();
                PreparedStatement statement = connection.prepareStatement(query);
                ResultSet rows = statement.executeQuery()) {
            List<String> result = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringJoiner row = new StringJoiner("|");
                for (int i = 1; i <= columns; i++) {
                    row.add(String.valueOf(rows.getString(i)));
                }
                result.add(row.toString());
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed in domain " + domain + ": " + query, e);
        }
    }

    @Override
    public void close() {
        byDomain.values().forEach(PostgresDatabase::close);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
