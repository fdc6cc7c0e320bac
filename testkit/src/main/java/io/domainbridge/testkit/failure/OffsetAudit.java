package io.domainbridge.testkit.failure;

import io.domainbridge.testkit.sink.ConsumerDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;

/**
 * Where each event landed, from the producer's acknowledgements, and, sampled every second while the test runs,
 * whether any partition's offset is ahead of what the sink applied on it: the offset the sink stored in the consumer
 * database (read in the same snapshot as the applied events) and the offset committed for its consumer group (read
 * before them). The command sink's mappings bind envelope attributes and data only, so the Kafka coordinates of an
 * applied event come from here, by its id.
 */
public final class OffsetAudit implements EventPacer.Acknowledgements, AutoCloseable {

    /** Where one event landed. */
    public record Landed(TopicPartition partition, long offset) {}

    private static final int MAX_REPORTED = 20;

    private final Map<String, Landed> landed = new ConcurrentHashMap<>();
    private final List<String> violations = new ArrayList<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private final ConsumerDatabase database;
    private final Admin admin;
    private final String group;
    private final String consumer;
    private int samples;

    public OffsetAudit(ConsumerDatabase database, EmbeddedKafkaCluster kafka, String group, String consumer) {
        this.database = database;
        this.admin = kafka.createAdminClient();
        this.group = group;
        this.consumer = consumer;
    }

    @Override
    public void acknowledged(ProducerRecord<byte[], byte[]> record, RecordMetadata metadata) {
        String id =
                new String(record.headers().lastHeader(LedgerStream.ID_HEADER).value(), StandardCharsets.UTF_8);
        landed.put(id, new Landed(new TopicPartition(metadata.topic(), metadata.partition()), metadata.offset()));
    }

    public void start() {
        sampler.scheduleWithFixedDelay(this::sampleWhenReachable, 1, 1, TimeUnit.SECONDS);
    }

    public Landed landed(String id) {
        return landed.get(id);
    }

    /** The next offset of every partition an event landed on: what the sink must have stored in the end. */
    public Map<TopicPartition, Long> endOffsets() {
        return upTo(landed.values());
    }

    /** Violations seen so far (at most the first twenty) and how many samples were compared. */
    public synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    public synchronized int samples() {
        return samples;
    }

    /** The sink's stored offsets, as {@code topic:partition:next_offset} in partition order. */
    public List<String> storedOffsets() {
        return describe(stored());
    }

    /** The consumer group's committed offsets, as {@code topic:partition:offset} in partition order. */
    public List<String> committedOffsets() throws Exception {
        return describe(committed());
    }

    public static List<String> describe(Map<TopicPartition, Long> offsets) {
        Map<String, Long> sorted = new TreeMap<>();
        offsets.forEach((p, offset) -> sorted.put(String.format("%s:%02d", p.topic(), p.partition()), offset));
        return sorted.entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue())
                .toList();
    }

    private void sampleWhenReachable() {
        try {
            sample();
        } catch (Exception databaseOrBrokerAway) {
            // a sample while the database is down proves nothing; the next one compares again
        }
    }

    private void sample() throws Exception {
        Map<TopicPartition, Long> committed = committed();
        Map<TopicPartition, Long> stored = new HashMap<>();
        List<String> applied = new ArrayList<>();
        try (Connection connection = database.connect()) {
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setAutoCommit(false);
            stored.putAll(stored(connection));
            applied.addAll(appliedIds(connection));
            connection.commit();
        }
        Optional<Map<TopicPartition, Long>> appliedUpTo = appliedUpTo(applied);
        if (appliedUpTo.isEmpty()) {
            return;
        }
        synchronized (this) {
            compare("stored in the consumer database", stored, appliedUpTo.get());
            compare("committed for the consumer group", committed, appliedUpTo.get());
            samples++;
        }
    }

    /** Per partition the offset after the highest one applied; empty while an applied event is not acknowledged. */
    private Optional<Map<TopicPartition, Long>> appliedUpTo(Collection<String> ids) {
        List<Landed> where = new ArrayList<>(ids.size());
        for (String id : ids) {
            Landed event = landed.get(id);
            if (event == null) {
                return Optional.empty();
            }
            where.add(event);
        }
        return Optional.of(upTo(where));
    }

    private static Map<TopicPartition, Long> upTo(Collection<Landed> events) {
        Map<TopicPartition, Long> next = new HashMap<>();
        events.forEach(event -> next.merge(event.partition(), event.offset() + 1, Math::max));
        return next;
    }

    private void compare(String what, Map<TopicPartition, Long> offsets, Map<TopicPartition, Long> applied) {
        offsets.forEach((partition, offset) -> {
            long upTo = applied.getOrDefault(partition, 0L);
            if (offset > upTo && violations.size() < MAX_REPORTED) {
                violations.add("offset " + offset + " of " + partition + " " + what
                        + " is ahead of the events applied, which end before offset " + upTo);
            }
        });
    }

    private Map<TopicPartition, Long> committed() throws Exception {
        Map<TopicPartition, Long> committed = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS);
        offsets.forEach((partition, offset) -> {
            if (offset != null) {
                committed.put(partition, offset.offset());
            }
        });
        return committed;
    }

    private Map<TopicPartition, Long> stored() {
        try (Connection connection = database.connect()) {
            return stored(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the sink's offsets", e);
        }
    }

    private Map<TopicPartition, Long> stored(Connection connection) throws SQLException {
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

    private static List<String> appliedIds(Connection connection) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("select event_id from applied_events");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        admin.close();
    }
}
