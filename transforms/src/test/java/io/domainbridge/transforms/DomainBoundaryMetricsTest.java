package io.domainbridge.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The boundary's counts in the registry a worker hands a transformation ({@link PluginMetricsImpl} over Kafka's
 * {@link Metrics}, tagged as the worker tags it), and a boundary that gets no registry.
 */
class DomainBoundaryMetricsTest {

    private final Metrics registry = new Metrics();
    private final Map<String, String> pluginTags = pluginTags();
    private DomainBoundary<SourceRecord> boundary;

    @AfterEach
    void close() {
        boundary.close();
        registry.close();
    }

    @Test
    void countsPassedFailedAndUnlistedRecordsPerContractAndTable() {
        boundary = configured("drop");
        boundary.withPluginMetrics(new PluginMetricsImpl(registry, pluginTags));

        boundary.apply(record(PackagesTable.TOPIC, PackagesTable.ROW_SCHEMA, PackagesTable.row()));
        boundary.apply(record(PackagesTable.TOPIC, PackagesTable.ROW_SCHEMA, PackagesTable.row()));
        assertThatThrownBy(() -> boundary.apply(record(PackagesTable.TOPIC, Schema.STRING_SCHEMA, "not a row")))
                .isInstanceOf(DataException.class);
        assertThat(boundary.apply(record("dbserver.public.returns", null, null)))
                .isNull();

        assertThat(table("public.packages", "records-passed-total")).isEqualTo(2.0);
        assertThat(table("public.packages", "records-failed-total")).isEqualTo(1.0);
        assertThat(table("public.depots", "records-passed-total")).isEqualTo(0.0);
        assertThat(contract("unlisted-dropped-total")).isEqualTo(1.0);
        assertThat(contract("unlisted-failed-total")).isEqualTo(0.0);
    }

    @Test
    void unlistedRecordsRefusedAreCountedAsFailed() {
        boundary = configured("fail");
        boundary.withPluginMetrics(new PluginMetricsImpl(registry, pluginTags));

        assertThatThrownBy(() -> boundary.apply(record("dbserver.public.returns", null, null)))
                .isInstanceOf(DataException.class);

        assertThat(contract("unlisted-failed-total")).isEqualTo(1.0);
        assertThat(contract("unlisted-dropped-total")).isEqualTo(0.0);
    }

    /** A worker before Kafka 4.1 never calls withPluginMetrics: the boundary works and counts nothing. */
    @Test
    void aBoundaryWithoutARegistryWorks() {
        boundary = configured("drop");

        SourceRecord output =
                boundary.apply(record(PackagesTable.TOPIC, PackagesTable.ROW_SCHEMA, PackagesTable.row()));

        assertThat(output.headers().lastWithName(DomainBoundary.CONTRACT_ID_HEADER))
                .isNotNull();
    }

    private DomainBoundary<SourceRecord> configured(String unlisted) {
        Map<String, String> props = PackagesTable.contract();
        props.put("unlisted.table.behavior", unlisted);
        DomainBoundary<SourceRecord> transform = new DomainBoundary.Value<>();
        transform.configure(props);
        return transform;
    }

    private static SourceRecord record(String topic, Schema schema, Object value) {
        return new SourceRecord(Map.of(), Map.of(), topic, 0, null, null, schema, value);
    }

    private double contract(String metric) {
        Map<String, String> tags = new LinkedHashMap<>(pluginTags);
        tags.put("contract", PackagesTable.CONTRACT_ID);
        return value(new MetricName(metric, "plugins", "", tags));
    }

    private double table(String table, String metric) {
        Map<String, String> tags = new LinkedHashMap<>(pluginTags);
        tags.put("contract", PackagesTable.CONTRACT_ID);
        tags.put("table", table);
        return value(new MetricName(metric, "plugins", "", tags));
    }

    private double value(MetricName name) {
        assertThat(registry.metrics()).containsKey(name);
        return ((Number) registry.metrics().get(name).metricValue()).doubleValue();
    }

    private static Map<String, String> pluginTags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("connector", "parcel-source");
        tags.put("task", "0");
        tags.put("transformation", "boundary");
        return tags;
    }
}
