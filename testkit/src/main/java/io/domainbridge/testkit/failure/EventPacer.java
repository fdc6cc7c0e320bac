package io.domainbridge.testkit.failure;

import io.domainbridge.testkit.sink.PackageStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;

/**
 * Produces the next events of a stream at a steady rate, in a thread of its own, from {@link #start} until
 * {@link #finish}, so that a test decides when the stream ends. The stream belongs to that thread until
 * {@link #finish} returns.
 */
public final class EventPacer implements AutoCloseable {

    private final EmbeddedKafkaCluster kafka;
    private final String topic;
    private final int perSecond;
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final AtomicInteger sent = new AtomicInteger();
    private volatile boolean finishing;
    private Future<Integer> running;

    /** Where each acknowledged record landed, told from the producer's I/O thread. */
    public interface Acknowledgements {
        void acknowledged(ProducerRecord<byte[], byte[]> record, RecordMetadata metadata);
    }

    /** A pacer of records that name their topics themselves. */
    public EventPacer(EmbeddedKafkaCluster kafka, int perSecond) {
        this(kafka, null, perSecond);
    }

    public EventPacer(EmbeddedKafkaCluster kafka, String topic, int perSecond) {
        this.kafka = kafka;
        this.topic = topic;
        this.perSecond = perSecond;
    }

    /** Produces the stream's events to the pacer's topic, keyed by package. */
    public void start(PackageStream stream) {
        start(
                () -> {
                    PackageStream.Event event = stream.next(1).get(0);
                    return new ProducerRecord<>(topic, bytes(event.key()), bytes(event.value()));
                },
                (record, metadata) -> {});
    }

    /** Produces the records the supplier makes, each told to the acknowledgements once the broker has it. */
    public void start(Supplier<ProducerRecord<byte[], byte[]>> next, Acknowledgements acknowledgements) {
        running = thread.submit(() -> produce(next, acknowledgements));
    }

    /** How many records were sent so far, acknowledged or not. */
    public int sent() {
        return sent.get();
    }

    /**
     * Ends the stream and returns how many events it sent, once the broker acknowledged all of them; fails naming the
     * first event the broker refused.
     */
    public int finish(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        finishing = true;
        return running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the thread, also when the test failed before {@link #finish}. */
    @Override
    public void close() {
        finishing = true;
        thread.shutdownNow();
    }

    private int produce(Supplier<ProducerRecord<byte[], byte[]>> next, Acknowledgements acknowledgements) {
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = kafka.createProducer(Map.of())) {
            while (!finishing && !Thread.currentThread().isInterrupted()) {
                long wait = start + (long) (sent.get() * 1_000_000_000.0 / perSecond) - System.nanoTime();
                if (wait > 0) {
                    // pacing the stream, not waiting for a condition
                    LockSupport.parkNanos(wait);
                }
                ProducerRecord<byte[], byte[]> record = next.get();
                producer.send(record, (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    } else {
                        acknowledgements.acknowledged(record, metadata);
                    }
                });
                sent.incrementAndGet();
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("An event was not delivered", failure.get());
        }
        return sent.get();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
