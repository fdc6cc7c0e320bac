package io.domainbridge.contracts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns of each table that a SQL script creates ({@code create table} and {@code alter table … add column}),
 * enough to check that a contract names columns that exist. Not a SQL parser: it reads the plain DDL of a schema file.
 */
final class SourceSql {

    private static final Pattern CREATE = Pattern.compile(
            "create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([\\w.]+)\\s*\\(", Pattern.CASE_INSENSITIVE);
    private static final Pattern ADD = Pattern.compile(
            "alter\\s+table\\s+(?:only\\s+)?([\\w.]+)\\s+add\\s+(?:column\\s+)?(?:if\\s+not\\s+exists\\s+)?(\\w+)",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> CONSTRAINTS =
            Set.of("primary", "unique", "constraint", "foreign", "check", "exclude", "like");

    private SourceSql() {}

    /** Table name (lower case, as written) to its column names (lower case), in order. */
    static Map<String, List<String>> columns(String sql) {
        String text = sql.replaceAll("--[^\\n]*", " ");
        Map<String, List<String>> tables = new HashMap<>();
        Matcher create = CREATE.matcher(text);
        while (create.find()) {
            tables.put(create.group(1).toLowerCase(Locale.ROOT), definitions(text, create.end()));
        }
        Matcher add = ADD.matcher(text);
        while (add.find()) {
            tables.computeIfAbsent(add.group(1).toLowerCase(Locale.ROOT), t -> new ArrayList<>())
                    .add(add.group(2).toLowerCase(Locale.ROOT));
        }
        return tables;
    }

    private static List<String> definitions(String text, int start) {
        List<String> columns = new ArrayList<>();
        int depth = 0;
        StringBuilder item = new StringBuilder();
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (depth == 0 && (c == ',' || c == ')')) {
                column(item.toString()).ifPresent(columns::add);
                item.setLength(0);
                if (c == ')') {
                    break;
                }
                continue;
            }
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            item.append(c);
        }
        return columns;
    }

    private static java.util.Optional<String> column(String definition) {
        String[] words = definition.trim().split("\\s+");
        String first = words[0].replace("\"", "").toLowerCase(Locale.ROOT);
        return first.isEmpty() || CONSTRAINTS.contains(first)
                ? java.util.Optional.empty()
                : java.util.Optional.of(first);
    }
}
