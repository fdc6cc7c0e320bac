package io.domainbridge.bench.pipeline;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The source-load benchmark's settings, from {@code SOURCE_LOAD_*} environment variables. */
record SourceLoadSettings(
        int rate,
        Duration duration,
        int rows,
        int hotRows,
        List<Duration> pollIntervals,
        int batchSize,
        Duration settle) {

    static SourceLoadSettings fromEnvironment() {
        Map<String, String> env = System.getenv();
        return new SourceLoadSettings(
                Integer.parseInt(env.getOrDefault("SOURCE_LOAD_RATE", "200")),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("SOURCE_LOAD_SECONDS", "20"))),
                Integer.parseInt(env.getOrDefault("SOURCE_LOAD_ROWS", "10000")),
                Integer.parseInt(env.getOrDefault("SOURCE_LOAD_HOT_ROWS", "1000")),
                Arrays.stream(env.getOrDefault("SOURCE_LOAD_POLL_INTERVALS_MS", "1000,100")
                                .split(","))
                        .map(String::trim)
                        .map(ms -> Duration.ofMillis(Long.parseLong(ms)))
                        .toList(),
                Integer.parseInt(env.getOrDefault("SOURCE_LOAD_BATCH", "1000")),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("SOURCE_LOAD_SETTLE_SECONDS", "11"))));
    }
}
