package io.domainbridge.transforms.boundary;

import java.util.regex.Pattern;

/**
 * A column named as {@code schema.table.column}, where {@code schema} is the PostgreSQL schema or the MySQL/MariaDB
 * database, as in Debezium's own include lists.
 */
public record QualifiedColumn(String schema, String table, String column) {

    private static final Pattern SYNTAX = Pattern.compile("[^.\\s]+\\.[^.\\s]+\\.[^.\\s]+");

    public static boolean isValid(String text) {
        return text != null && SYNTAX.matcher(text).matches();
    }

    /** Parses {@code schema.table.column}; callers validate first with {@link #isValid}. */
    public static QualifiedColumn parse(String text) {
        if (!isValid(text)) {
            throw new IllegalArgumentException("Expected schema.table.column");
        }
        String[] parts = text.split("\\.");
        return new QualifiedColumn(parts[0], parts[1], parts[2]);
    }

    public String tableName() {
        return schema + "." + table;
    }

    @Override
    public String toString() {
        return schema + "." + table + "." + column;
    }
}
