package io.domainbridge.converters;

import java.util.Locale;

/** How an event is laid out in a Kafka record, by the CloudEvents Kafka protocol binding. */
public enum ContentMode {
    /** Attributes in {@code ce_} headers, data as the record value. */
    BINARY,
    /** One JSON event format document as the record value. */
    STRUCTURED;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
