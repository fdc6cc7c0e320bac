package io.domainbridge.connectors;

import static io.domainbridge.connectors.Fixtures.change;
import static io.domainbridge.connectors.Fixtures.tombstone;
import static org.assertj.core.api.Assertions.assertThat;

import io.domainbridge.connectors.sink.Dialect;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Deletes of a versioned upsert mapping against a real database, with older upserts arriving after them. */
class TombstonesTaskTest {

    private TestDatabase database;
    private CommandSinkTask task;

    @AfterEach
    void cleanUp() {
        if (task != null) {
            task.stop();
        }
        database.close();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void anOlderUpsertArrivingAfterTheDeleteDoesNotBringTheRowBack(Dialect dialect) {
        start(dialect);

        task.put(List.of(change("d", 1, "Ada", 3, 10)));
        task.put(List.of(change("c", 1, "Ada", 1, 11)));
        assertThat(customers()).isEmpty();
        task.put(List.of(change("u", 1, "Ada", 3, 12)));
        assertThat(customers()).isEmpty();

        task.put(List.of(change("c", 1, "Ada again", 4, 13)));
        assertThat(customers()).containsExactly(List.of("1", "Ada again", "4"));
        assertThat(database.rows("SELECT id, version FROM customers_tombstones"))
                .containsExactly(List.of("1", "3"));
    }

    /** Within one JDBC batch too: the delete and a replayed older upsert of the same key. */
    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aDeleteAndAReplayedOlderUpsertInOneBatchLeaveNoRow(Dialect dialect) {
        start(dialect);
        task.put(List.of(change("c", 1, "Ada", 1, 1), change("c", 2, "Grace", 1, 2)));

        task.put(List.of(
                change("u", 1, "Ada L.", 2, 3),
                change("d", 1, "Ada L.", 2, 4),
                change("c", 1, "Ada", 1, 5),
                change("u", 2, "Grace H.", 2, 6)));

        assertThat(customers()).containsExactly(List.of("2", "Grace H.", "2"));
    }

    /** A Kafka tombstone carries no version: it deletes as before and leaves no tombstone. */
    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aKafkaTombstoneDeletesWithoutATombstone(Dialect dialect) {
        start(dialect);
        task.put(List.of(change("c", 1, "Ada", 5, 1)));

        task.put(List.of(tombstone(1, 2)));

        assertThat(customers()).isEmpty();
        assertThat(database.rows("SELECT id FROM customers_tombstones")).isEmpty();
    }

    private List<List<String>> customers() {
        return database.rows("SELECT id, full_name, version FROM customers ORDER BY id");
    }

    private void start(Dialect dialect) {
        database = TestDatabase.create(dialect);
        database.execute(
                "CREATE TABLE customers (id BIGINT PRIMARY KEY, full_name VARCHAR(100), version BIGINT NOT NULL)");
        Map<String, String> props = database.connectionConfig();
        props.put("name", "customers-sink");
        props.put("mappings", "customers");
        props.put("mappings.customers.source.tables", "shipping.customers");
        props.put("mappings.customers.topics", Fixtures.ROWS);
        props.put("mappings.customers.table", "customers");
        props.put("mappings.customers.fields", "id, full_name, version");
        props.put("mappings.customers.key.columns", "id");
        props.put("mappings.customers.version.column", "version");
        task = new CommandSinkTask();
        task.initialize(new FakeSinkTaskContext(true));
        task.start(props);
        task.open(List.of(new TopicPartition(Fixtures.ROWS, 1)));
    }
}
