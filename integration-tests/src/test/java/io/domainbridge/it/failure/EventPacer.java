package io.domainbridge.it.failure;

import io.domainbridge.it.sink.PackageStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;

/**
 * Produces a stream of events to one topic at a steady rate, each due at its own time from the start, and tells how
 * many it has sent so far. Ends with every event acknowledged by the broker.
 */
final class EventPacer {

    private final EmbeddedKafkaCluster kafka;
    private final String topic;
    private final int perSecond;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    EventPacer(EmbeddedKafkaCluster kafka, String topic, int perSecond) {
        this.kafka = kafka;
        this.topic = topic;
        this.perSecond = perSecond;
    }

    /** Sends the events in order; returns once the broker acknowledged all of them, or fails
     * naming the first that it refused. */
    void produce(List<PackageStream.Event> events) {
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = kafka.createProducer(Map.of())) {
            for (PackageStream.Event event : events) {
                long wait = start + (long) (sent.get() * 1_000_000_000.0 / perSecond) - System.nanoTime();
                if (wait > 0) {
                    // pacing the stream, not waiting for a condition
                    LockSupport.parkNanos(wait);
                }
                producer.send(
                        new ProducerRecord<>(topic, bytes(event.key()), bytes(event.value())),
                        (metadata, error) -> failure.compareAndSet(null, error));
                sent.incrementAndGet();
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("An event was not delivered to " + topic, failure.get());
        }
    }

    int sent() {
        return sent.get();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
