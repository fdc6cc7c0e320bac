package io.domainbridge.testkit.rig;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;

/**
 * Reads a topic from the beginning until it holds the expected number of records. When they do not arrive in time,
 * the failure lists the key and headers of what did arrive, which usually says what went wrong.
 */
public final class TopicReader {

    private TopicReader() {}

    public static List<ConsumerRecord<byte[], byte[]>> read(
            EmbeddedKafkaCluster kafka, String topic, int count, Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        Map<String, Object> props = Map.of(
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.GROUP_ID_CONFIG,
                "topic-reader-" + System.nanoTime());
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.createConsumerAndSubscribeTo(props, topic)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        if (records.size() < count) {
            throw new AssertionError("Topic " + topic + " holds " + records.size() + " of " + count
                    + " expected records after " + timeout + ": " + describe(records));
        }
        return records;
    }

    private static String describe(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream()
                .map(record -> "{key=" + text(record.key()) + ", headers="
                        + java.util.Arrays.stream(record.headers().toArray())
                                .map(TopicReader::describe)
                                .collect(Collectors.joining(", ", "[", "]"))
                        + "}")
                .collect(Collectors.joining("; "));
    }

    private static String describe(Header header) {
        return header.key() + "=" + text(header.value());
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "null" : new String(bytes, StandardCharsets.UTF_8);
    }
}
