package io.domainbridge.converters.avro;

import java.util.Locale;

/** How the subject a schema is registered under is named, as in Confluent's subject name strategies. */
public enum SubjectNameStrategy {
    /** {@code <topic>-value} (or {@code -key}): one evolving schema per topic. */
    TOPIC,
    /** The event's CloudEvents {@code type} (the record name for records that are not events). */
    TYPE,
    /** {@code <topic>-<type>}: one schema per event type and topic. */
    TOPIC_TYPE;

    /** The subject for a record; {@code eventType} is null for records that are not events. */
    public String subject(String topic, boolean isKey, String eventType, org.apache.avro.Schema schema) {
        String type = eventType != null ? eventType : schema.getFullName();
        return switch (this) {
            case TOPIC -> topic + (isKey ? "-key" : "-value");
            case TYPE -> type;
            case TOPIC_TYPE -> topic + "-" + type;
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
