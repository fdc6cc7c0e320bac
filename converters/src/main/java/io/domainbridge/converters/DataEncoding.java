package io.domainbridge.converters;

import java.util.Locale;

/** How the data of an event, and any record that is not an event, is encoded. */
public enum DataEncoding {
    JSON,
    AVRO;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
