package io.domainbridge.transforms;

import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Routes records a transform rejects to a dead-letter topic, unchanged, with the error context headers Kafka Connect
 * writes for sink connectors ({@code __connect.errors.*}), so the same tools can inspect and replay them.
 */
final class DeadLetters {

    static final String HEADER_PREFIX = "__connect.errors.";
    static final String ORIGINAL_TOPIC = HEADER_PREFIX + "topic";
    static final String STAGE = HEADER_PREFIX + "stage";
    static final String EXECUTING_CLASS = HEADER_PREFIX + "class.name";
    static final String EXCEPTION_CLASS = HEADER_PREFIX + "exception.class.name";
    static final String EXCEPTION_MESSAGE = HEADER_PREFIX + "exception.message";

    private final String topic;
    private final String executingClass;

    DeadLetters(String topic, Class<?> executingClass) {
        this.topic = topic;
        this.executingClass = executingClass.getName();
    }

    <R extends ConnectRecord<R>> R route(R record, Exception error) {
        Headers headers = record.headers().duplicate();
        headers.addString(ORIGINAL_TOPIC, record.topic());
        headers.addString(STAGE, "TRANSFORMATION");
        headers.addString(EXECUTING_CLASS, executingClass);
        headers.addString(EXCEPTION_CLASS, error.getClass().getName());
        headers.addString(EXCEPTION_MESSAGE, error.getMessage());
        return record.newRecord(
                topic,
                partitionOfRerouted(record),
                record.keySchema(),
                record.key(),
                record.valueSchema(),
                record.value(),
                record.timestamp(),
                headers);
    }

    /**
     * The partition of a record sent to another topic: a source record's is left to the producer, so it follows
     * the record's key; a sink record keeps the one it was read from, as it cannot be without one.
     */
    static Integer partitionOfRerouted(ConnectRecord<?> record) {
        return record instanceof SinkRecord ? record.kafkaPartition() : null;
    }
}
