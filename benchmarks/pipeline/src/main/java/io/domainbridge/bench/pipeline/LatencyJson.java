package io.domainbridge.bench.pipeline;

import io.domainbridge.testkit.scenarios.Percentiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The latency report's figures as plain maps and lists for a JSON file; latencies in microseconds. */
final class LatencyJson {

    /** Percentiles of the curve written for the fixed-rate run. */
    static final double[] CURVE = {0, 10, 25, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 100};

    private LatencyJson() {}

    static Map<String, Object> of(LatencyReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("commit", report.commit());
        json.put("machine", report.machine());
        json.put("settings", settings(report.settings()));
        Map<String, Object> steady = step(report.steady());
        Map<String, Object> curves = new LinkedHashMap<>();
        curves.put("all", curve(report.steady().all()));
        report.steady().byConsumer().forEach((consumer, latencies) -> curves.put(consumer, curve(latencies)));
        steady.put("percentileCurvesMicros", curves);
        json.put("fixedRate", steady);
        List<Object> steps = new ArrayList<>();
        report.steps().forEach(step -> steps.add(step(step)));
        json.put("steps", steps);
        json.put("probeDelayMicros", summary(report.probeDelays()));
        json.put("triggerCostMicrosPerRow", report.triggerCostMicros());
        return json;
    }

    private static Map<String, Object> settings(LatencySettings settings) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("fixedRateEventsPerSecond", settings.rate());
        json.put("warmUpSeconds", settings.warmUp().toSeconds());
        json.put("measuredSeconds", settings.measured().toSeconds());
        json.put("stepEventsPerSecond", settings.steps());
        json.put("stepSeconds", settings.stepLength().toSeconds());
        json.put("drainLimitSeconds", settings.drainLimit().toSeconds());
        json.put("sourceConnections", settings.sourceConnections());
        return json;
    }

    private static Map<String, Object> step(StepResult step) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("offeredEventsPerSecond", step.offeredRate());
        json.put("achievedEventsPerSecond", step.achievedRate());
        json.put("seconds", step.seconds());
        json.put("commands", step.commands());
        json.put("events", step.events());
        json.put("latencyMicros", summary(step.all()));
        Map<String, Object> consumers = new LinkedHashMap<>();
        step.byConsumer().forEach((consumer, latencies) -> consumers.put(consumer, summary(latencies)));
        json.put("latencyMicrosByConsumer", consumers);
        json.put("firstThirdP50Micros", step.firstThirdP50());
        json.put("lastThirdP50Micros", step.lastThirdP50());
        json.put("inFlightAtEnd", step.backlogAtEnd());
        json.put("drainSeconds", step.drainSeconds());
        json.put("verdict", step.verdict());
        return json;
    }

    private static Map<String, Object> summary(Percentiles latencies) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("count", latencies.count());
        json.put("p50", latencies.at(50));
        json.put("p90", latencies.at(90));
        json.put("p99", latencies.at(99));
        json.put("p99.9", latencies.at(99.9));
        json.put("max", latencies.max());
        return json;
    }

    private static Map<String, Long> curve(Percentiles latencies) {
        Map<String, Long> curve = new LinkedHashMap<>();
        for (double p : CURVE) {
            curve.put(p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p), latencies.at(p));
        }
        return curve;
    }
}
