package io.domainbridge.transforms;

import io.domainbridge.events.DeadLetterHeaders;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Routes records a transform rejects to a dead-letter topic, unchanged, with the error context headers Kafka Connect
 * writes for sink connectors ({@code __connect.errors.*}), so the same tools can inspect and replay them.
 */
final class DeadLetters {

    static final String HEADER_PREFIX = DeadLetterHeaders.PREFIX;
    static final String ORIGINAL_TOPIC = DeadLetterHeaders.ORIGINAL_TOPIC;
    static final String STAGE = DeadLetterHeaders.STAGE;
    static final String EXECUTING_CLASS = DeadLetterHeaders.EXECUTING_CLASS;
    static final String EXCEPTION_CLASS = DeadLetterHeaders.EXCEPTION_CLASS;
    static final String EXCEPTION_MESSAGE = DeadLetterHeaders.EXCEPTION_MESSAGE;

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
