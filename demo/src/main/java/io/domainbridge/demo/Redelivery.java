package io.domainbridge.demo;

import io.domainbridge.testkit.scenarios.ScenarioDriver;
import io.domainbridge.testkit.scenarios.ScenarioSink;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * At-least-once delivery made visible: the first records of each event topic sent again, byte for byte with their
 * headers, as a producer retry or a replay would. What the sinks made of them is read from their own bookkeeping in
 * the consumer databases: a sink has consumed a copy once the next offset it stored for the copy's partition lies
 * past the copy; it skipped the copies as duplicates when its inbox still holds each event id once, as many rows as
 * events of its types were produced.
 */
final class Redelivery {

    private static final String EVENT_TYPE_HEADER = "domainbridge.event.type";

    /** One record sent again: where the copy landed, and the type of the event it carries. */
    record Copy(TopicPartition partition, long offset, String eventType) {}

    /** What one sink's bookkeeping says of the copies on its topics. */
    record Outcome(int copiesOfItsTypes, boolean consumedAll, long inboxRows, long expectedRows) {

        boolean skippedAll() {
            return consumedAll && inboxRows == expectedRows;
        }
    }

    private final List<Copy> copies = new ArrayList<>();
    private final Map<String, Integer> perTopic = new LinkedHashMap<>();

    /** Sends the first {@code count} records of each topic again; returns how many per topic. */
    Map<String, Integer> send(ScenarioDriver driver, Set<String> topics, int count)
            throws ExecutionException, InterruptedException {
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, driver.cluster().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            for (String topic : topics) {
                List<ConsumerRecord<byte[], byte[]>> records =
                        driver.cluster().consumeAll(topic, Duration.ofSeconds(60));
                int sent = 0;
                for (ConsumerRecord<byte[], byte[]> record : records.subList(0, Math.min(count, records.size()))) {
                    RecordMetadata landed = producer.send(new ProducerRecord<>(
                                    topic, record.partition(), record.key(), record.value(), record.headers()))
                            .get();
                    copies.add(new Copy(
                            new TopicPartition(topic, landed.partition()), landed.offset(), eventType(record)));
                    sent++;
                }
                perTopic.put(topic, sent);
            }
        }
        return perTopic;
    }

    boolean sentAny() {
        return !copies.isEmpty();
    }

    Map<String, Integer> perTopic() {
        return perTopic;
    }

    /** Reads the sink's offsets and inbox tables; {@code expectedRows} is how many events of its types were produced. */
    Outcome outcome(Connection connection, ScenarioSink sink, Set<String> topics, long expectedRows)
            throws SQLException {
        Map<TopicPartition, Long> stored = storedOffsets(connection, sink.consumer());
        boolean consumed = true;
        int ofItsTypes = 0;
        for (Copy copy : copies) {
            if (!topics.contains(copy.partition().topic())) {
                continue;
            }
            consumed &= stored.getOrDefault(copy.partition(), 0L) > copy.offset();
            if (sink.eventTypes().contains(copy.eventType())) {
                ofItsTypes++;
            }
        }
        return new Outcome(ofItsTypes, consumed, inboxRows(connection, sink.consumer()), expectedRows);
    }

    private static Map<TopicPartition, Long> storedOffsets(Connection connection, String consumer) throws SQLException {
        Map<TopicPartition, Long> stored = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select topic, kafka_partition, next_offset from domainbridge_offsets where consumer = ?")) {
            statement.setString(1, consumer);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    stored.put(new TopicPartition(rows.getString(1), rows.getInt(2)), rows.getLong(3));
                }
            }
        }
        return stored;
    }

    private static long inboxRows(Connection connection, String consumer) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("select count(*) from domainbridge_inbox where consumer = ?")) {
            statement.setString(1, consumer);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static String eventType(ConsumerRecord<byte[], byte[]> record) {
        Header header = record.headers().lastHeader(EVENT_TYPE_HEADER);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
