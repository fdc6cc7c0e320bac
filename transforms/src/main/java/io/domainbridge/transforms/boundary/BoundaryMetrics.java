package io.domainbridge.transforms.boundary;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeSum;

/**
 * What a boundary let pass, dropped and refused, in the worker's plugin metrics (KIP-877). The worker tags them with
 * connector, task and transformation alias; these add {@code contract} and, per table, {@code table}. The sensors of
 * every table are made up front and found by the table's identity, so a record costs one identity look-up.
 */
public final class BoundaryMetrics {

    /** Counts nothing: the worker gave no registry (a test harness, or a worker before Kafka 4.1). */
    public static final BoundaryMetrics NONE = new BoundaryMetrics();

    private record TableSensors(Sensor passed, Sensor failed) {}

    private final Map<TableContract, TableSensors> tables = new IdentityHashMap<>();
    private final Sensor unlistedDropped;
    private final Sensor unlistedFailed;

    private BoundaryMetrics() {
        unlistedDropped = null;
        unlistedFailed = null;
    }

    private BoundaryMetrics(PluginMetrics metrics, String contractId, Contract contract) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("contract", contractId);
        // sensor names are global to the worker: the plugin's own tags make them unique
        String prefix = "domainbridge-boundary" + name(metrics, "x", "", tags).tags() + ":";
        unlistedDropped = counter(
                metrics,
                prefix + "unlisted-dropped",
                "unlisted-dropped-total",
                "Records of tables the contract does not list, dropped",
                tags);
        unlistedFailed = counter(
                metrics,
                prefix + "unlisted-failed",
                "unlisted-failed-total",
                "Records of tables the contract does not list, refused with an error",
                tags);
        for (TableContract table : contract.tables()) {
            Map<String, String> tableTags = new LinkedHashMap<>(tags);
            tableTags.put("table", table.name());
            tables.put(
                    table,
                    new TableSensors(
                            counter(
                                    metrics,
                                    prefix + "passed:" + table.name(),
                                    "records-passed-total",
                                    "Records of the table that passed the contract",
                                    tableTags),
                            counter(
                                    metrics,
                                    prefix + "failed:" + table.name(),
                                    "records-failed-total",
                                    "Records of the table the contract refused with an error",
                                    tableTags)));
        }
    }

    /** Registers a contract's metrics. */
    public static BoundaryMetrics register(PluginMetrics metrics, String contractId, Contract contract) {
        return new BoundaryMetrics(metrics, contractId, contract);
    }

    public void passed(TableContract table) {
        TableSensors sensors = tables.get(table);
        if (sensors != null) {
            sensors.passed().record();
        }
    }

    public void failed(TableContract table) {
        TableSensors sensors = tables.get(table);
        if (sensors != null) {
            sensors.failed().record();
        }
    }

    public void unlisted(boolean dropped) {
        Sensor sensor = dropped ? unlistedDropped : unlistedFailed;
        if (sensor != null) {
            sensor.record();
        }
    }

    private static Sensor counter(
            PluginMetrics metrics, String sensorName, String metric, String description, Map<String, String> tags) {
        Sensor sensor = metrics.addSensor(sensorName);
        sensor.add(name(metrics, metric, description, tags), new CumulativeSum());
        return sensor;
    }

    private static MetricName name(PluginMetrics metrics, String metric, String description, Map<String, String> tags) {
        return metrics.metricName(metric, description, new LinkedHashMap<>(tags));
    }
}
