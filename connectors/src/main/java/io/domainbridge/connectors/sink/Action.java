package io.domainbridge.connectors.sink;

import java.util.Locale;

/** What a mapping does with the records it selects. */
public enum Action {
    UPSERT,
    STATEMENT;

    public static Action parse(String text) {
        String name = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (Action action : values()) {
            if (action.name().equals(name)) {
                return action;
            }
        }
        throw new IllegalArgumentException("expected upsert or statement");
    }
}
