package io.domainbridge.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.domainbridge.events.ChangeEvents.TableName;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

class ChangeEventsTest {

    private static final Schema SOURCE = SchemaBuilder.struct()
            .name("io.debezium.connector.postgresql.Source")
            .field("connector", Schema.STRING_SCHEMA)
            .field("name", Schema.STRING_SCHEMA)
            .field("schema", Schema.STRING_SCHEMA)
            .field("table", Schema.STRING_SCHEMA)
            .build();
    private static final Schema ROW = SchemaBuilder.struct()
            .name("dbserver.public.packages.Value")
            .optional()
            .field("id", Schema.INT64_SCHEMA)
            .build();

    @Test
    void envelopeIsRecognisedByItsSchemaName() {
        Schema envelope = envelope(
                "dbserver.public.packages.Envelope", SchemaBuilder.struct().build());

        assertThat(ChangeEvents.isChangeEvent(envelope)).isTrue();
    }

    @Test
    void eventIsRecognisedByDebeziumsSourceSchema() {
        Schema message = SchemaBuilder.struct()
                .name("io.debezium.connector.postgresql.MessageValue")
                .field("op", Schema.STRING_SCHEMA)
                .field("source", SOURCE)
                .build();

        assertThat(ChangeEvents.isChangeEvent(message)).isTrue();
    }

    @Test
    void rowWithColumnsNamedLikeAnEnvelopeIsNoChangeEvent() {
        Schema column = SchemaBuilder.struct()
                .optional()
                .field("system", Schema.STRING_SCHEMA)
                .build();
        Schema row = envelope("dbserver.public.events.Value", column);
        Map<String, Object> schemaless = new HashMap<>(event());
        schemaless.put("id", 3L);

        assertThat(ChangeEvents.isChangeEvent(row)).isFalse();
        assertThat(ChangeEvents.isChangeEvent(new Struct(row).put("op", "u"))).isFalse();
        assertThat(ChangeEvents.isChangeEvent((Object) schemaless)).isFalse();
    }

    @Test
    void schemalessEventNeedsADebeziumOpAndASourceNamingTheConnector() {
        Map<String, Object> unknownOp = new HashMap<>(event());
        unknownOp.put("op", "x");
        Map<String, Object> anonymousSource = new HashMap<>(event());
        anonymousSource.put("source", Map.of("connector", "postgresql"));

        assertThat(ChangeEvents.isChangeEvent((Object) event())).isTrue();
        assertThat(ChangeEvents.isChangeEvent((Object) unknownOp)).isFalse();
        assertThat(ChangeEvents.isChangeEvent((Object) anonymousSource)).isFalse();
        assertThat(ChangeEvents.isChangeEvent((Object) null)).isFalse();
        assertThat(ChangeEvents.isChangeEvent("u")).isFalse();
    }

    @Test
    void opRowsAndTableAreReadFromStructsAndMaps() {
        Schema schema = envelope("dbserver.public.packages.Envelope", SOURCE);
        Struct struct = new Struct(schema)
                .put("op", "c")
                .put("after", new Struct(ROW).put("id", 7L))
                .put(
                        "source",
                        new Struct(SOURCE)
                                .put("connector", "postgresql")
                                .put("name", "dbserver")
                                .put("schema", "public")
                                .put("table", "packages"));

        assertThat(ChangeEvents.op(struct)).isEqualTo("c");
        assertThat(((Struct) ChangeEvents.field(struct, "after")).get("id")).isEqualTo(7L);
        assertThat(ChangeEvents.sourceTable(struct)).isEqualTo(new TableName("public", "packages"));
        assertThat(ChangeEvents.op(event())).isEqualTo("u");
        assertThat(ChangeEvents.sourceTable(event())).isEqualTo(new TableName("parcels", "packages"));
    }

    private static Schema envelope(String name, Schema sourceSchema) {
        return SchemaBuilder.struct()
                .name(name)
                .field("before", ROW)
                .field("after", ROW)
                .field(
                        "source",
                        sourceSchema.name() == null
                                ? SchemaBuilder.struct().optional().build()
                                : SOURCE)
                .field("op", Schema.STRING_SCHEMA)
                .build();
    }

    /** A MariaDB update as JsonConverter without schemas reads it. */
    private static Map<String, Object> event() {
        return Map.of(
                "before", Map.of("id", 7L),
                "after", Map.of("id", 7L),
                "source", Map.of("connector", "mariadb", "name", "mariadb", "db", "parcels", "table", "packages"),
                "op", "u",
                "ts_ms", 1_767_225_600_123L);
    }
}
