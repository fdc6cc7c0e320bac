package io.domainbridge.contracts;

import java.util.Locale;

/** What happens to a column at the domain boundary, from least to most revealing. */
public enum Treatment {
    WITHHOLD("withheld"),
    MASK("masked"),
    PSEUDONYMIZE("pseudonymized"),
    SHARE("shared");

    private final String label;

    Treatment(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean leaves() {
        return this != WITHHOLD;
    }

    /** The treatment named in a contract, or null when the name is none of them. */
    public static Treatment parse(String name) {
        for (Treatment t : values()) {
            if (t.name().toLowerCase(Locale.ROOT).equals(name)) {
                return t;
            }
        }
        return null;
    }
}
