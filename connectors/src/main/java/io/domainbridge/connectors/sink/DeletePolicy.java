package io.domainbridge.connectors.sink;

import java.util.Locale;

/** What an upsert mapping does with a replicated delete or a tombstone. */
public enum DeletePolicy {
    DELETE,
    SOFT_DELETE,
    IGNORE;

    public static DeletePolicy parse(String text) {
        String name = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (DeletePolicy policy : values()) {
            if (policy.name().equals(name)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("expected delete, soft-delete or ignore");
    }
}
