package io.domainbridge.demo;

import io.domainbridge.testkit.boundary.PackagesScenario;
import io.domainbridge.testkit.boundary.PublishedRecord;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What left the Logistics domain and what the contract withheld, derived from the connector JSON and the topic. */
final class BoundaryReport {

    private static final String PREFIX = "transforms.boundary.";

    private final PackagesScenario scenario;
    private final Map<String, String> config;
    private final List<PublishedRecord> records;

    BoundaryReport(PackagesScenario scenario, Map<String, String> config, List<PublishedRecord> records) {
        this.scenario = scenario;
        this.config = config;
        this.records = records;
    }

    void print(PrintStream out) {
        out.println();
        out.println("Published records (what Customer Service receives):");
        for (PublishedRecord record : records) {
            out.println("  " + describe(record));
        }
        out.println();
        out.println("Contract '" + config.get(PREFIX + "contract.id") + "' version "
                + config.get(PREFIX + "contract.version") + " on " + PackagesScenario.TABLE + ":");
        Map<String, String> treatment = treatments();
        List<String> withheld = new ArrayList<>(scenario.sourceColumns());
        withheld.removeAll(treatment.keySet());
        treatment.forEach((column, how) -> out.printf("  %-16s %s%n", column, how));
        withheld.forEach(column -> out.printf("  %-16s withheld%n", column));
        out.println("  table " + PackagesScenario.UNLISTED_TABLE + ": not in the contract, its writes never left"
                + " (no topic " + scenario.unlistedTopic() + ")");
        out.println();
        out.println("Columns withheld: " + withheld.size() + " of "
                + scenario.sourceColumns().size() + "; leaks found in published records: " + leaks(withheld));
    }

    private Map<String, String> treatments() {
        Map<String, String> renames = new TreeMap<>();
        for (String rename : list("renames")) {
            String[] parts = rename.split(":");
            renames.put(column(parts[0]), parts[1]);
        }
        Map<String, String> treatment = new LinkedHashMap<>();
        list("columns").forEach(c -> treatment.put(column(c), "shared"));
        list("mask.columns").forEach(c -> treatment.put(column(c), "masked"));
        list("pseudonymize.columns")
                .forEach(c -> treatment.put(
                        column(c),
                        "pseudonymized (HMAC-SHA-256, key id " + config.get(PREFIX + "pseudonymize.key.id") + ")"));
        renames.forEach((column, name) -> treatment.computeIfPresent(column, (c, how) -> how + ", as " + name));
        return treatment;
    }

    private long leaks(List<String> withheld) {
        return records.stream()
                .filter(record -> withheld.stream().anyMatch(record.text()::contains)
                        || record.text().contains(PackagesScenario.SECRET_MARK))
                .count();
    }

    private List<String> list(String key) {
        String value = config.getOrDefault(PREFIX + key, "");
        return value.isBlank()
                ? List.of()
                : Arrays.stream(value.split(",")).map(String::trim).toList();
    }

    private static String column(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }

    private static String describe(PublishedRecord record) {
        if (record.isTombstone()) {
            return "tombstone  key=" + record.keyPayload();
        }
        Object row = record.row("after") != null ? record.row("after") : record.row("before");
        return "op=" + record.op() + "  " + row;
    }
}
