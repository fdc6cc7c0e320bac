package io.domainbridge.connectors.sink;

import java.util.Locale;

/** What happens to a record that no mapping selects. */
public enum UnmatchedBehavior {
    FAIL,
    SKIP,
    DEAD_LETTER;

    public static UnmatchedBehavior parse(String text) {
        String name = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (UnmatchedBehavior behavior : values()) {
            if (behavior.name().equals(name)) {
                return behavior;
            }
        }
        throw new IllegalArgumentException("expected fail, skip or dead-letter");
    }
}
