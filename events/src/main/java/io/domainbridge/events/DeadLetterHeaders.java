package io.domainbridge.events;

/**
 * The error context headers Kafka Connect writes on the records of a sink connector's dead-letter queue. The outbox
 * transform writes the same on the rows it routes to its dead-letter topic, so the same tools can inspect and replay
 * them, and the converter recognises such a record by them.
 */
public final class DeadLetterHeaders {

    public static final String PREFIX = "__connect.errors.";
    public static final String ORIGINAL_TOPIC = PREFIX + "topic";
    public static final String STAGE = PREFIX + "stage";
    public static final String EXECUTING_CLASS = PREFIX + "class.name";
    public static final String EXCEPTION_CLASS = PREFIX + "exception.class.name";
    public static final String EXCEPTION_MESSAGE = PREFIX + "exception.message";

    private DeadLetterHeaders() {}
}
