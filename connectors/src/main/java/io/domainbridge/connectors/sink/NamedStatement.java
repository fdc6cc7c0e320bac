package io.domainbridge.connectors.sink;

import java.util.ArrayList;
import java.util.List;

/**
 * A SQL statement with named parameters ({@code :aggregateid}, {@code :data.status}) turned into JDBC placeholders.
 * String literals, quoted identifiers, comments and PostgreSQL casts ({@code ::text}) are left alone.
 */
public record NamedStatement(String sql, List<String> parameters) {

    public static NamedStatement parse(String text) {
        StringBuilder sql = new StringBuilder(text.length());
        List<String> parameters = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = closing(text, i, c);
                sql.append(text, i, end);
                i = end;
            } else if (c == '-' && text.startsWith("--", i)) {
                int end = text.indexOf('\n', i);
                end = end < 0 ? text.length() : end;
                sql.append(text, i, end);
                i = end;
            } else if (c == ':' && text.startsWith("::", i)) {
                sql.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < text.length() && isStart(text.charAt(i + 1))) {
                int end = nameEnd(text, i + 1);
                parameters.add(text.substring(i + 1, end));
                sql.append('?');
                i = end;
            } else {
                sql.append(c);
                i++;
            }
        }
        return new NamedStatement(sql.toString(), List.copyOf(parameters));
    }

    private static int closing(String text, int start, char quote) {
        int i = start + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return text.length();
    }

    private static int nameEnd(String text, int start) {
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            boolean dotThenName = c == '.' && i + 1 < text.length() && isStart(text.charAt(i + 1));
            if (!(Character.isLetterOrDigit(c) || c == '_' || dotThenName)) {
                break;
            }
            i++;
        }
        return i;
    }

    private static boolean isStart(char c) {
        return Character.isLetter(c) || c == '_';
    }
}
