package io.domainbridge.testkit.scenarios;

import io.domainbridge.testkit.outbox.OutboxEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** Makes a source domain's outbox events on a clock that moves forward with each one, at millisecond precision. */
public final class OutboxEvents {

    /**
     * Whether event times follow the wall clock (still strictly increasing) instead of a simulated clock that moves
     * up to a minute per event. The demo's long loads need it: a simulated clock would run hours ahead, and the
     * broker rejects records timestamped more than an hour in the future.
     */
    private static volatile boolean wallClock;

    public static void useWallClock(boolean useWallClock) {
        wallClock = useWallClock;
    }

    private final String aggregateType;
    private Instant clock = Instant.parse("2026-11-27T08:00:00.123Z");

    public OutboxEvents(String aggregateType) {
        this.aggregateType = aggregateType;
    }

    /** The time of the next event; the payload usually repeats it. */
    public Instant tick(Random random) {
        Instant simulated = clock.plusMillis(1 + random.nextInt(60_000)).truncatedTo(ChronoUnit.MILLIS);
        if (wallClock) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            clock = now.isAfter(clock) ? now : clock.plusMillis(1);
        } else {
            clock = simulated;
        }
        return clock;
    }

    public Instant now() {
        return clock;
    }

    public OutboxEvent event(String type, Object aggregateId, Object... payloadKeysAndValues) {
        Map<String, Object> payload = new LinkedHashMap<>();
        for (int i = 0; i < payloadKeysAndValues.length; i += 2) {
            payload.put((String) payloadKeysAndValues[i], payloadKeysAndValues[i + 1]);
        }
        return new OutboxEvent(
                UUID.randomUUID().toString(),
                aggregateType,
                aggregateId.toString(),
                type,
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                null,
                clock,
                1,
                payload);
    }
}
