package io.domainbridge.bench.pipeline;

import io.domainbridge.testkit.scenarios.Percentiles;
import java.util.Locale;
import java.util.Map;

/**
 * One load step: the offered and achieved source rate, the latencies (microseconds) of the events committed in its
 * measured window, and whether the pipeline kept up with it.
 *
 * @param achievedRate events committed per second over the whole step
 * @param all latencies of every (event, consumer) pair of the window
 * @param firstThirdP50 median latency of the events committed in the first third of the window
 * @param lastThirdP50 the same for the last third
 * @param backlogAtEnd (event, consumer) pairs committed but not yet visible when the load stopped
 * @param drainSeconds from the end of the load until the backlog was zero; negative when it was not within the limit
 * @param baselineP50 median latency of the light priming load the pipeline settled at; 0 when unknown
 */
record StepResult(
        int offeredRate,
        double seconds,
        int commands,
        long events,
        double achievedRate,
        Percentiles all,
        Map<String, Percentiles> byConsumer,
        long firstThirdP50,
        long lastThirdP50,
        long backlogAtEnd,
        double drainSeconds,
        long baselineP50) {

    /** Below this share of the offered rate, the load generator, not the pipeline, set the pace. */
    static final double DRIVER_SHARE = 0.95;
    /** Latency trends up when the last third's median exceeds the first third's by this factor plus the slack. */
    static final double TREND_FACTOR = 1.5;

    static final long TREND_SLACK_MICROS = 100_000;
    /** Above this multiple of the light-load median, a queue stands in front of the consumers all step long. */
    static final double SATURATION_FACTOR = 3;

    boolean driverLimited() {
        return achievedRate < DRIVER_SHARE * offeredRate;
    }

    boolean drained() {
        return drainSeconds >= 0;
    }

    boolean trendingUp() {
        return lastThirdP50 > TREND_FACTOR * firstThirdP50 + TREND_SLACK_MICROS;
    }

    boolean saturated() {
        return baselineP50 > 0 && all.at(50) > SATURATION_FACTOR * baselineP50;
    }

    /**
     * The consumers kept up: the backlog drained, latency did not grow over the step and its median stayed near the
     * light-load median.
     */
    boolean keptUp() {
        return drained() && !trendingUp() && !saturated();
    }

    /** The pipeline kept up with the offered rate, and the source really ran at it. */
    boolean sustained() {
        return keptUp() && !driverLimited();
    }

    String verdict() {
        if (keptUp()) {
            return driverLimited() ? "kept up, but the load generator fell short" : "sustained";
        }
        return "not sustained (" + reason() + ")";
    }

    private String reason() {
        if (!drained()) {
            return "backlog did not drain";
        }
        if (trendingUp()) {
            return "latency grew";
        }
        return String.format(Locale.ROOT, "median %.0f x the light-load median", (double) all.at(50) / baselineP50);
    }
}
