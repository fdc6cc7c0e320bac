package io.domainbridge.connectors.sink;

import java.util.Locale;

/** What a statement mapping does with a record whose statement affected no rows. */
public enum ZeroRowsBehavior {
    IGNORE,
    DEAD_LETTER,
    FAIL;

    public static ZeroRowsBehavior parse(String text) {
        String name = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (ZeroRowsBehavior behavior : values()) {
            if (behavior.name().equals(name)) {
                return behavior;
            }
        }
        throw new IllegalArgumentException("expected ignore, dead-letter or fail");
    }
}
