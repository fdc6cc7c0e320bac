package io.domainbridge.connectors.sink;

import java.util.regex.Pattern;

/** Identifiers from the configuration: tables as {@code table} or {@code schema.table}, columns as words. */
public final class Identifiers {

    private static final Pattern PART = Pattern.compile("[^.\\s\"`]+");

    private Identifiers() {}

    /** A table name of one or two parts, none empty, without quotes or blanks. */
    public static boolean isValid(String name) {
        if (name == null) {
            return false;
        }
        String[] parts = name.trim().split("\\.", -1);
        if (parts.length > 2) {
            return false;
        }
        for (String part : parts) {
            if (!PART.matcher(part).matches()) {
                return false;
            }
        }
        return true;
    }

    /** A column name: one part. */
    public static boolean isColumn(String name) {
        return name != null && PART.matcher(name.trim()).matches();
    }
}
