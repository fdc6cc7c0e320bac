package io.domainbridge.testkit.scenarios;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The names of one run on a Connect cluster that outlives it: every connector and every topic of the scenario's JSON
 * start with the run's prefix, so that neither connectors (with them the sinks' consumer groups and the sources'
 * stored offsets) nor topics meet those of an earlier or concurrent run. No other value changes.
 */
public final class RunNamespace {

    private static final RunNamespace NONE = new RunNamespace("");

    private final String prefix;

    private RunNamespace(String prefix) {
        this.prefix = prefix;
    }

    /** The names as the files give them: for a cluster made for this run alone. */
    public static RunNamespace none() {
        return NONE;
    }

    /** Names prefixed with the run id and a dash; the id may hold letters, digits, dots, dashes, underscores. */
    public static RunNamespace of(String runId) {
        if (!runId.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("A run id holds only letters, digits, '.', '_' and '-'");
        }
        return new RunNamespace(runId + "-");
    }

    /** What every connector and topic name of the run starts with; empty without a namespace. */
    public String prefix() {
        return prefix;
    }

    public String connector(String name) {
        return prefix + name;
    }

    /** The config with every topic name, topic list, topic prefix and topic pattern in the namespace. */
    public Map<String, String> apply(Map<String, String> config) {
        if (prefix.isEmpty()) {
            return config;
        }
        if (config.containsKey("topics.regex")) {
            throw new IllegalArgumentException("A connector subscribing by topics.regex cannot be given a namespace");
        }
        Map<String, String> named = new LinkedHashMap<>();
        config.forEach((key, value) -> named.put(key, names(key) ? prefixed(key, value) : value));
        return named;
    }

    private static boolean names(String key) {
        return key.equals("topic.prefix")
                || key.equals("topics")
                || key.equals("errors.deadletterqueue.topic.name")
                || key.endsWith(".dead.letter.topic")
                || (key.startsWith("transforms.") && key.endsWith(".topic.pattern"))
                || (key.startsWith("mappings.") && key.endsWith(".topics"));
    }

    private String prefixed(String key, String value) {
        if (value.isBlank()) {
            return value;
        }
        if (key.equals("topics") || key.endsWith(".topics")) {
            return Arrays.stream(value.split(","))
                    .map(String::trim)
                    .filter(topic -> !topic.isEmpty())
                    .map(topic -> prefix + topic)
                    .collect(Collectors.joining(","));
        }
        return prefix + value;
    }
}
