package io.domainbridge.bench.pipeline;

import io.domainbridge.testkit.outbox.OutboxEvent;
import io.domainbridge.testkit.scenarios.ScenarioSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs each event's source commit with its arrival at every consumer that applies it, on one clock
 * ({@link System#nanoTime()}), and keeps the backlog: (event, consumer) pairs committed but not yet arrived.
 */
final class LatencyLedger {

    /** One event arriving at one consumer: when its source transaction committed, and how long it took. */
    record Sample(String consumer, long committedNanos, long latencyNanos) {}

    private final List<ScenarioSink> sinks;
    private final Map<String, Long> commits = new HashMap<>();
    private final Map<String, Long> early = new HashMap<>();
    private final List<Sample> samples = new ArrayList<>();
    private long expected;
    private long arrived;
    private long events;

    LatencyLedger(List<ScenarioSink> sinks) {
        this.sinks = sinks;
    }

    /** The event's source transaction committed at {@code nanos}. */
    synchronized void committed(OutboxEvent event, long nanos) {
        events++;
        commits.put(event.eventId(), nanos);
        for (ScenarioSink sink : sinks) {
            if (sink.eventTypes().contains(event.eventType())) {
                expected++;
                Long at = early.remove(key(sink.consumer(), event.eventId()));
                if (at != null) {
                    samples.add(new Sample(sink.consumer(), nanos, at - nanos));
                }
            }
        }
    }

    /** The consumer's row for the event became visible at {@code nanos}. */
    synchronized void arrived(String consumer, String eventId, long nanos) {
        arrived++;
        Long committed = commits.get(eventId);
        if (committed == null) {
            early.put(key(consumer, eventId), nanos);
        } else {
            samples.add(new Sample(consumer, committed, nanos - committed));
        }
    }

    /** (event, consumer) pairs committed in the source and not yet visible at the consumer. */
    synchronized long backlog() {
        return expected - arrived;
    }

    synchronized long events() {
        return events;
    }

    /** The samples of events committed in {@code [fromNanos, toNanos)}, in arrival order. */
    synchronized List<Sample> samples(long fromNanos, long toNanos) {
        return samples.stream()
                .filter(s -> s.committedNanos() >= fromNanos && s.committedNanos() < toNanos)
                .toList();
    }

    private static String key(String consumer, String eventId) {
        return consumer + ' ' + eventId;
    }
}
