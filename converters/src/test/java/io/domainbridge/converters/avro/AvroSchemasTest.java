package io.domainbridge.converters.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class AvroSchemasTest {

    @Test
    void mapsPrimitivesAndKeepsTheConnectWidth() {
        assertThat(avro(Schema.INT8_SCHEMA)).isEqualTo("{\"type\":\"int\",\"connect.type\":\"int8\"}");
        assertThat(avro(Schema.INT16_SCHEMA)).isEqualTo("{\"type\":\"int\",\"connect.type\":\"int16\"}");
        assertThat(avro(Schema.INT32_SCHEMA)).isEqualTo("\"int\"");
        assertThat(avro(Schema.INT64_SCHEMA)).isEqualTo("\"long\"");
        assertThat(avro(Schema.FLOAT32_SCHEMA)).isEqualTo("\"float\"");
        assertThat(avro(Schema.FLOAT64_SCHEMA)).isEqualTo("\"double\"");
        assertThat(avro(Schema.BOOLEAN_SCHEMA)).isEqualTo("\"boolean\"");
        assertThat(avro(Schema.STRING_SCHEMA)).isEqualTo("\"string\"");
        assertThat(avro(Schema.BYTES_SCHEMA)).isEqualTo("\"bytes\"");
    }

    @Test
    void mapsLogicalTypesToAvrosLogicalTypes() {
        assertThat(AvroSchemas.toAvro(Date.SCHEMA).getLogicalType()).isEqualTo(LogicalTypes.date());
        assertThat(AvroSchemas.toAvro(Time.SCHEMA).getLogicalType()).isEqualTo(LogicalTypes.timeMillis());
        assertThat(AvroSchemas.toAvro(Timestamp.SCHEMA).getLogicalType()).isEqualTo(LogicalTypes.timestampMillis());
        assertThat(AvroSchemas.toAvro(Decimal.schema(2)).getLogicalType()).isEqualTo(LogicalTypes.decimal(64, 2));
        Schema debeziumDecimal =
                Decimal.builder(3).parameter("connect.decimal.precision", "12").build();
        assertThat(AvroSchemas.toAvro(debeziumDecimal).getLogicalType()).isEqualTo(LogicalTypes.decimal(12, 3));
    }

    @Test
    void mapsOptionalSchemasToUnionsWithNull() {
        org.apache.avro.Schema record = AvroSchemas.toAvro(SchemaBuilder.struct()
                .name("com.example.Row")
                .field("note", Schema.OPTIONAL_STRING_SCHEMA)
                .field(
                        "state",
                        SchemaBuilder.string().optional().defaultValue("open").build())
                .field("count", SchemaBuilder.int32().defaultValue(0).build())
                .build());

        assertThat(record.getField("note").schema().toString()).isEqualTo("[\"null\",\"string\"]");
        assertThat(record.getField("note").defaultVal()).isEqualTo(org.apache.avro.JsonProperties.NULL_VALUE);
        assertThat(record.getField("state").schema().toString()).isEqualTo("[\"string\",\"null\"]");
        assertThat(record.getField("state").defaultVal()).isEqualTo("open");
        assertThat(record.getField("count").defaultVal()).isEqualTo(0);
    }

    @Test
    void mapsMapsWithOtherKeysToArraysOfEntries() {
        org.apache.avro.Schema strings = AvroSchemas.toAvro(
                SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT64_SCHEMA).build());
        org.apache.avro.Schema longs = AvroSchemas.toAvro(
                SchemaBuilder.map(Schema.INT64_SCHEMA, Schema.STRING_SCHEMA).build());

        assertThat(strings.getType()).isEqualTo(org.apache.avro.Schema.Type.MAP);
        assertThat(longs.getType()).isEqualTo(org.apache.avro.Schema.Type.ARRAY);
        assertThat(longs.getElementType().getFields())
                .extracting(org.apache.avro.Schema.Field::name)
                .containsExactly("key", "value");
    }

    @Test
    void makesNamesAvroAcceptsAndKeepsTheOriginals() {
        Schema schema = SchemaBuilder.struct()
                .name("server-1.inventory.customers.Value")
                .field("first-name", Schema.STRING_SCHEMA)
                .field("1st", Schema.STRING_SCHEMA)
                .build();

        org.apache.avro.Schema avro = AvroSchemas.toAvro(schema);

        assertThat(avro.getFullName()).isEqualTo("server_1.inventory.customers.Value");
        assertThat(avro.getFields())
                .extracting(org.apache.avro.Schema.Field::name)
                .containsExactly("first_name", "_1st");
        assertThat(ConnectSchemas.toConnect(avro)).isEqualTo(schema);
    }

    @Test
    void reusesARecordThatAppearsTwiceLikeDebeziumsBeforeAndAfter() {
        Schema row = SchemaBuilder.struct()
                .name("db.shop.orders.Value")
                .optional()
                .field("id", Schema.INT64_SCHEMA)
                .build();
        Schema envelope = SchemaBuilder.struct()
                .name("db.shop.orders.Envelope")
                .field("before", row)
                .field("after", row)
                .field("op", Schema.STRING_SCHEMA)
                .build();

        org.apache.avro.Schema avro = AvroSchemas.toAvro(envelope);

        assertThat(new org.apache.avro.Schema.Parser().parse(avro.toString())).isEqualTo(avro);
        assertThat(ConnectSchemas.toConnect(avro)).isEqualTo(envelope);
    }

    @Test
    void namesUnnamedStructsByTheirPlaceAndReadsThemBackUnnamed() {
        Schema schema = SchemaBuilder.struct()
                .field(
                        "inner",
                        SchemaBuilder.struct().field("x", Schema.INT32_SCHEMA).build())
                .build();

        org.apache.avro.Schema avro = AvroSchemas.toAvro(schema);

        assertThat(avro.getFullName()).isEqualTo("io.domainbridge.connect.Record");
        assertThat(avro.getField("inner").schema().getFullName()).isEqualTo("io.domainbridge.connect.Record_inner");
        assertThat(ConnectSchemas.toConnect(avro)).isEqualTo(schema);
    }

    @Test
    void readsSchemasOfOtherProducersNaturally() {
        org.apache.avro.Schema foreign = new org.apache.avro.Schema.Parser()
                .parse(
                        """
                {"type": "record", "name": "Payment", "namespace": "com.bank", "fields": [
                  {"name": "kind", "type": {"type": "enum", "name": "Kind", "symbols": ["CARD", "CASH"]}},
                  {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
                  {"name": "amount", "type": {"type": "bytes", "logicalType": "decimal", "precision": 9, "scale": 2}},
                  {"name": "hash", "type": {"type": "fixed", "name": "Hash", "size": 4}},
                  {"name": "memo", "type": ["null", "string"], "default": null}
                ]}""");

        Schema connect = ConnectSchemas.toConnect(foreign);

        assertThat(connect.name()).isEqualTo("com.bank.Payment");
        assertThat(connect.field("kind").schema().type()).isEqualTo(Schema.Type.STRING);
        assertThat(connect.field("at").schema()).isEqualTo(Timestamp.SCHEMA);
        assertThat(connect.field("amount").schema())
                .isEqualTo(Decimal.builder(2)
                        .parameter("connect.decimal.precision", "9")
                        .build());
        assertThat(connect.field("hash").schema().type()).isEqualTo(Schema.Type.BYTES);
        assertThat(connect.field("memo").schema()).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
    }

    @Test
    void refusesUnionsConnectCannotExpress() {
        org.apache.avro.Schema union = org.apache.avro.Schema.createUnion(List.of(
                org.apache.avro.Schema.create(org.apache.avro.Schema.Type.INT),
                org.apache.avro.Schema.create(org.apache.avro.Schema.Type.STRING)));

        assertThatThrownBy(() -> ConnectSchemas.toConnect(union))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("only [null, T] unions");
    }

    private static String avro(Schema schema) {
        return AvroSchemas.toAvro(schema).toString();
    }
}
