package io.domainbridge.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.domainbridge.connectors.DebeziumShapes.Case;
import io.domainbridge.connectors.DebeziumShapes.Column;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Debezium value shape of {@link DebeziumShapes}, in every mode, goes through a JsonConverter with schemas and
 * the command sink task into a real PostgreSQL and MariaDB column of the matching type; each row read back equals its
 * source value. Values are drawn at random (seeded per case, so a failure repeats) with nulls among them.
 */
class DebeziumShapesTest {

    private static final int ROWS = 60;
    private static ShapeDatabase postgres;
    private static ShapeDatabase mariaDb;

    @BeforeAll
    static void createDatabases() {
        postgres = ShapeDatabase.postgres();
        DebeziumShapes.POSTGRES_SETUP.forEach(postgres::execute);
        mariaDb = ShapeDatabase.mariaDb();
    }

    @AfterAll
    static void dropDatabases() {
        if (postgres != null) {
            postgres.close();
        }
        if (mariaDb != null) {
            mariaDb.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> postgresColumnsHoldWhatDebeziumSent() {
        List<Case> cases = DebeziumShapes.all();
        return cases.stream()
                .map(c -> DynamicTest.dynamicTest(
                        c.toString(), () -> roundTrip(postgres, c, c.postgres(), cases.indexOf(c))));
    }

    @TestFactory
    Stream<DynamicTest> mariaDbColumnsHoldWhatDebeziumSent() {
        List<Case> cases = DebeziumShapes.all();
        return cases.stream()
                .map(c -> DynamicTest.dynamicTest(
                        c.toString(), () -> roundTrip(mariaDb, c, c.maria(), cases.indexOf(c))));
    }

    private static void roundTrip(ShapeDatabase database, Case shape, Column column, int index) throws SQLException {
        String table = "shape_" + index;
        database.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, v " + column.type() + ")");
        List<Object> expected = values(shape, index);
        FakeSinkTaskContext context = new FakeSinkTaskContext(true);
        CommandSinkTask task = new CommandSinkTask();
        task.initialize(context);
        task.start(config(database, table));
        try {
            task.put(records(table, shape, expected));
        } finally {
            task.stop();
        }
        assertThat(context.reportedCauses)
                .as("records sent to the dead-letter queue")
                .isEmpty();
        assertThat(readBack(database, table, column)).containsExactlyElementsOf(expected);
    }

    /** Random values of the case, every seventh a null. */
    private static List<Object> values(Case shape, int seed) {
        Random random = new Random(31L * seed + shape.toString().hashCode());
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            values.add(i % 7 == 3 ? null : shape.values().apply(random));
        }
        return values;
    }

    /** Flat rows as the sink receives them: serialized and read back by a JsonConverter with schemas. */
    private static List<SinkRecord> records(String topic, Case shape, List<Object> values) {
        Schema schema = SchemaBuilder.struct()
                .name(topic + ".Value")
                .field("id", Schema.INT64_SCHEMA)
                .field("v", shape.shape().schema())
                .build();
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "true"), false);
        List<SinkRecord> records = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            Struct row = new Struct(schema)
                    .put("id", (long) i)
                    .put("v", value == null ? null : shape.shape().encode().apply(value));
            byte[] json = converter.fromConnectData(topic, schema, row);
            SchemaAndValue received = converter.toConnectData(topic, json);
            records.add(new SinkRecord(topic, 0, null, null, received.schema(), received.value(), i));
        }
        return records;
    }

    private static Map<String, String> config(ShapeDatabase database, String table) {
        Map<String, String> props = new HashMap<>();
        props.put("name", "shapes");
        props.put("connection.url", database.url());
        props.put("connection.user", database.user());
        props.put("connection.password", database.password());
        props.put("consumer.name", table);
        props.put("mappings", "rows");
        props.put("mappings.rows.topics", table);
        props.put("mappings.rows.table", table);
        props.put("mappings.rows.fields", "id, v");
        props.put("mappings.rows.key.columns", "id");
        props.put("max.retries", "0");
        return props;
    }

    private static List<Object> readBack(ShapeDatabase database, String table, Column column) throws SQLException {
        List<Object> values = new ArrayList<>();
        try (Connection connection = database.connect();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT " + column.select() + " FROM " + table + " ORDER BY id");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(column.reader().read(rows));
            }
        }
        return values;
    }
}
