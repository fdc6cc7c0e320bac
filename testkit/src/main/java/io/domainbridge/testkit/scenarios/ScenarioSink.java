package io.domainbridge.testkit.scenarios;

import io.domainbridge.testkit.rig.PostgresDatabase;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A CommandSink connector of a running scenario: its connector name, the consumer name its inbox and offsets record,
 * the domain whose database it writes, and the event types its mappings apply (none for a replicated-row sink).
 */
public record ScenarioSink(String connector, String consumer, String domain, Set<String> eventTypes) {

    /** Whether it applies outbox events, whose ids its inbox records, rather than replicated rows. */
    public boolean appliesEvents() {
        return !eventTypes.isEmpty();
    }

    /** Every CommandSink connector of the driver's scenario, in the order the scenario starts them. */
    public static List<ScenarioSink> of(ScenarioDriver driver) {
        List<ScenarioSink> sinks = new ArrayList<>();
        driver.configs().forEach((connector, config) -> {
            if (config.getOrDefault("connector.class", "").endsWith("CommandSinkConnector")) {
                sinks.add(new ScenarioSink(
                        connector, config.get("consumer.name"), domainOf(driver, config), eventTypes(config)));
            }
        });
        return sinks;
    }

    private static String domainOf(ScenarioDriver driver, Map<String, String> config) {
        String domain = null;
        for (Map.Entry<String, PostgresDatabase> database :
                driver.databases().all().entrySet()) {
            if (config.get("connection.url").endsWith("/" + database.getValue().name())) {
                domain = database.getKey();
            }
        }
        return domain;
    }

    private static Set<String> eventTypes(Map<String, String> config) {
        Set<String> types = new LinkedHashSet<>();
        config.forEach((key, value) -> {
            if (key.startsWith("mappings.") && key.endsWith(".event.types")) {
                types.addAll(BoundaryContract.list(value));
            }
        });
        return types;
    }
}
