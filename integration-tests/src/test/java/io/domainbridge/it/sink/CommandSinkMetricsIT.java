package io.domainbridge.it.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domainbridge.testkit.rig.ConnectStack;
import io.domainbridge.testkit.rig.PluginArchive;
import io.domainbridge.testkit.sink.ConsumerDatabase;
import io.domainbridge.testkit.sink.SinkEvents;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command sink's metrics as an operator sees them: over JMX from a real worker (it runs in this JVM), under the
 * MBean names the documentation gives, counting what this test sent.
 */
class CommandSinkMetricsIT {

    private static final Path CONNECT_CONFIGS =
            Path.of(System.getProperty("domainbridge.connect.configs", "../connect-configs"));
    private static final String CONNECTOR = "metrics-sink";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
    private final SinkEvents events = new SinkEvents();
    private ConnectStack stack;
    private ConsumerDatabase database;

    @AfterEach
    void stop() {
        if (stack != null) {
            stack.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void theWorkerPublishesWhatEachMappingAppliedSkippedAndDeadLettered(@TempDir Path pluginPath) throws Exception {
        database = ConsumerDatabase.postgres();
        database.execute(
                "create table deliveries (package_id bigint primary key, status varchar(20) not null"
                        + " check (status in ('REGISTERED', 'SHIPPED', 'DELIVERED')), changed_at "
                        + database.timestampType() + " null, applied_count int not null default 0)",
                "insert into deliveries (package_id, status) values (1, 'REGISTERED'), (2, 'REGISTERED'),"
                        + " (3, 'REGISTERED')",
                "create table package_locations (package_id bigint primary key, location varchar(100) not null,"
                        + " seq_no bigint not null)",
                "create table crm_customers (customer_id bigint primary key, display_name varchar(100) not null,"
                        + " contact_email varchar(100))");
        PluginArchive.installInto(pluginPath);
        stack = ConnectStack.start(getClass().getSimpleName(), pluginPath, 1);
        EmbeddedConnectCluster connect = stack.cluster();
        connect.kafka().createTopic(SinkEvents.EVENTS, 1);
        connect.kafka().createTopic(SinkEvents.CUSTOMERS, 1);
        connect.configureConnector(CONNECTOR, config());
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(CONNECTOR, 1, "sink not running");

        produce(connect, "1", events.statusChanged("s-1", 1, "SHIPPED"));
        produce(connect, "2", events.statusChanged("s-2", 2, "SHIPPED"));
        produce(connect, "1", events.statusChanged("s-1", 1, "SHIPPED"));
        produce(connect, "3", events.statusChanged("s-3", 3, "LOST"));
        produce(connect, "9", events.located("v-1", 9, "Hub Utrecht", 1));
        produce(connect, "9", events.located("v-3", 9, "Depot Amsterdam", 3));
        produce(connect, "9", events.located("v-2", 9, "Hub Amersfoort", 2));

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(mapping("status", "applied-total")).isEqualTo(2.0);
            assertThat(mapping("status", "dead-lettered-total")).isEqualTo(1.0);
            assertThat(mapping("location", "applied-total")).isEqualTo(3.0);
            assertThat(task("duplicate-skipped-total")).isEqualTo(1.0);
        });
        // the older location left the newer row alone: its upsert changed no row
        assertThat(mapping("location", "zero-row-statement-total")).isEqualTo(1.0);
        assertThat(mapping("location", "dead-lettered-total")).isEqualTo(0.0);
        assertThat(mapping("customers", "applied-total")).isEqualTo(0.0);
        assertThat(task("unmapped-dead-lettered-total")).isEqualTo(0.0);
        assertThat(task("retry-total")).isEqualTo(0.0);
        assertThat(task("batch-total")).isBetween(1.0, 7.0);
        assertThat(task("batch-size-max")).isBetween(1.0, 7.0);
        assertThat(task("apply-commit-latency-max")).isGreaterThanOrEqualTo(0.0);
        assertThat(task("time-since-last-commit-ms")).isBetween(0.0, (double) TIMEOUT.toMillis());
        assertThat(database.column("select concat(package_id, ':', seq_no) from package_locations"))
                .containsExactly("9:3");

        connect.deleteConnector(CONNECTOR);
        await().atMost(TIMEOUT).until(() -> jmx.queryNames(pattern(), null).isEmpty());
    }

    private double task(String attribute) throws Exception {
        return value(new ObjectName("kafka.connect:type=plugins,connector=" + CONNECTOR + ",task=0"), attribute);
    }

    private double mapping(String alias, String attribute) throws Exception {
        return value(
                new ObjectName("kafka.connect:type=plugins,connector=" + CONNECTOR + ",task=0,mapping=" + alias),
                attribute);
    }

    private double value(ObjectName name, String attribute) throws Exception {
        return ((Number) jmx.getAttribute(name, attribute)).doubleValue();
    }

    private static ObjectName pattern() throws Exception {
        return new ObjectName("kafka.connect:type=plugins,connector=" + CONNECTOR + ",*");
    }

    private static void produce(EmbeddedConnectCluster connect, String key, String value) {
        connect.kafka().produce(SinkEvents.EVENTS, key, value);
    }

    private Map<String, String> config() throws Exception {
        Map<String, String> props = new HashMap<>(new ObjectMapper()
                .readValue(
                        Files.readString(CONNECT_CONFIGS.resolve("examples/customer-service-sink.json")),
                        new TypeReference<Map<String, String>>() {}));
        props.put("connection.url", database.url());
        props.put("connection.user", database.user());
        props.put("connection.password", database.password());
        props.put("consumer.name", "metrics-service");
        props.put("errors.deadletterqueue.topic.name", "metrics-service.dead-letters");
        return props;
    }
}
