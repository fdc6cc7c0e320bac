package io.domainbridge.bench.pipeline;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The latency benchmark's settings, from environment variables with modest defaults (about five minutes in all). */
record LatencySettings(
        int rate,
        Duration warmUp,
        Duration measured,
        List<Integer> steps,
        Duration stepLength,
        Duration drainLimit,
        int sourceConnections) {

    static LatencySettings fromEnvironment(Map<String, String> env) {
        return new LatencySettings(
                Integer.parseInt(env.getOrDefault("LATENCY_BENCH_RATE", "1000")),
                seconds(env, "LATENCY_BENCH_WARMUP_SECONDS", "10"),
                seconds(env, "LATENCY_BENCH_SECONDS", "40"),
                Arrays.stream(env.getOrDefault("LATENCY_BENCH_STEPS", "500,1000,2000,3000,4000,6000")
                                .split(","))
                        .map(String::trim)
                        .filter(step -> !step.isEmpty())
                        .map(Integer::valueOf)
                        .toList(),
                seconds(env, "LATENCY_BENCH_STEP_SECONDS", "20"),
                seconds(env, "LATENCY_BENCH_DRAIN_SECONDS", "10"),
                Integer.parseInt(env.getOrDefault("LATENCY_BENCH_SOURCE_CONNECTIONS", "8")));
    }

    private static Duration seconds(Map<String, String> env, String name, String fallback) {
        return Duration.ofSeconds(Long.parseLong(env.getOrDefault(name, fallback)));
    }
}
