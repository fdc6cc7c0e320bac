package io.domainbridge.converters;

import static org.assertj.core.api.Assertions.assertThat;

import io.domainbridge.events.EventEnvelope;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

/** Whatever envelope goes in, the same schema and value come out, in every mode and encoding. */
class RoundTripPropertiesTest {

    private static final String TOPIC = "orders.order";
    private static final long YEAR_1 = -62_135_596_800_000L;
    private static final long YEAR_9999 = 253_402_300_799_999L;
    private static final Schema NESTED = SchemaBuilder.struct()
            .name("com.example.Line")
            .field("sku", Schema.STRING_SCHEMA)
            .field("qty", Schema.OPTIONAL_INT32_SCHEMA)
            .build();
    private static FakeSchemaRegistry registry;

    enum Column {
        INT8,
        INT16,
        INT32,
        INT64,
        FLOAT32,
        FLOAT64,
        BOOLEAN,
        STRING,
        BYTES,
        DECIMAL,
        DATE,
        TIME,
        TIMESTAMP,
        ARRAY,
        STRING_MAP,
        LONG_MAP,
        STRUCT,
        STRING_WITH_DEFAULT,
        LONG_WITH_DEFAULT
    }

    record Layout(String mode, String encoding) {}

    /** The columns of a generated data schema and whether each is optional. */
    record Columns(List<Column> columns, List<Boolean> optional) {}

    @BeforeContainer
    static void startRegistry() throws IOException {
        registry = new FakeSchemaRegistry();
    }

    @AfterContainer
    static void stopRegistry() {
        registry.close();
    }

    @Property(tries = 300)
    void envelopesRoundTrip(@ForAll("envelopes") Struct envelope, @ForAll("layouts") Layout layout) {
        Schema dataSchema = envelope.schema().field(EventEnvelope.DATA).schema();
        CloudEventsConverter converter = Fixtures.converter(
                "cloudevents.mode",
                layout.mode(),
                "data.encoding",
                layout.encoding().startsWith("avro") ? "avro" : "json",
                "avro.schemas",
                Fixtures.avroSchemas(dataSchema),
                "schema.registry.url",
                layout.encoding().equals("avro-registry") ? registry.url() : "");
        String contentType = layout.encoding().equals("json") ? "application/json" : "application/avro";
        Struct expected = envelope.put(EventEnvelope.DATACONTENTTYPE, contentType);

        Headers headers = new RecordHeaders();
        byte[] bytes = converter.fromConnectData(TOPIC, headers, envelope.schema(), envelope);
        SchemaAndValue back = converter.toConnectData(TOPIC, headers, bytes);

        assertThat(back.schema()).isEqualTo(envelope.schema());
        assertThat(back.value()).isEqualTo(expected);
    }

    @Provide
    Arbitrary<Layout> layouts() {
        return Combinators.combine(
                        Arbitraries.of("binary", "structured"), Arbitraries.of("json", "avro", "avro-registry"))
                .as(Layout::new);
    }

    @Provide
    Arbitrary<Struct> envelopes() {
        Arbitrary<List<Column>> columnLists =
                Arbitraries.of(Column.values()).list().ofMinSize(1).ofMaxSize(8);
        Arbitrary<List<Boolean>> optionality =
                Arbitraries.of(true, false).list().ofSize(8);
        return Combinators.combine(columnLists, optionality).as(Columns::new).flatMap(layout -> {
            List<Column> columns = layout.columns();
            List<Boolean> optional = layout.optional().subList(0, columns.size());
            Schema data = dataSchema(columns, optional);
            List<Arbitrary<Object>> values = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                Arbitrary<Object> value = value(columns.get(i));
                values.add(optional.get(i) ? value.injectNull(0.2) : value);
            }
            Arbitrary<Struct> structs = Combinators.combine(values).as(list -> {
                Struct struct = new Struct(data);
                for (int i = 0; i < list.size(); i++) {
                    Schema field = data.field(name(i)).schema();
                    // nested structs are generated as their field values: jqwik may reuse an arbitrary across schemas
                    Object value = list.get(i) instanceof List<?> line && field.type() == Schema.Type.STRUCT
                            ? new Struct(field).put("sku", line.get(0)).put("qty", line.get(1))
                            : list.get(i);
                    struct.put(name(i), value);
                }
                return struct;
            });
            return Combinators.combine(
                            structs,
                            text(),
                            timestamps().injectNull(0.3),
                            Arbitraries.integers().injectNull(0.3))
                    .as((struct, id, time, version) -> Fixtures.envelope(data, struct)
                            .put(EventEnvelope.ID, id)
                            .put(EventEnvelope.AGGREGATEID, id + "-aggregate")
                            .put(EventEnvelope.TIME, time)
                            .put(EventEnvelope.SCHEMAVERSION, version));
        });
    }

    /** Every third field has a name Avro does not allow, so the mapping has to keep the original. */
    private static String name(int i) {
        return i % 3 == 0 ? "c-" + i : "c" + i;
    }

    private static Schema dataSchema(List<Column> columns, List<Boolean> optional) {
        SchemaBuilder builder =
                SchemaBuilder.struct().name("com.example.Generated").version(1);
        for (int i = 0; i < columns.size(); i++) {
            SchemaBuilder column = schema(columns.get(i));
            builder.field(name(i), optional.get(i) ? column.optional().build() : column.build());
        }
        return builder.build();
    }

    private static SchemaBuilder schema(Column column) {
        return switch (column) {
            case INT8 -> SchemaBuilder.int8();
            case INT16 -> SchemaBuilder.int16();
            case INT32 -> SchemaBuilder.int32();
            case INT64 -> SchemaBuilder.int64();
            case FLOAT32 -> SchemaBuilder.float32();
            case FLOAT64 -> SchemaBuilder.float64();
            case BOOLEAN -> SchemaBuilder.bool();
            case STRING -> SchemaBuilder.string();
            case BYTES -> SchemaBuilder.bytes();
            case DECIMAL -> Decimal.builder(4);
            case DATE -> Date.builder();
            case TIME -> Time.builder();
            case TIMESTAMP -> Timestamp.builder();
            case ARRAY -> SchemaBuilder.array(Schema.OPTIONAL_INT32_SCHEMA);
            case STRING_MAP -> SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA);
            case LONG_MAP -> SchemaBuilder.map(Schema.INT64_SCHEMA, Schema.OPTIONAL_BOOLEAN_SCHEMA);
            case STRING_WITH_DEFAULT -> SchemaBuilder.string().defaultValue("pending");
            case LONG_WITH_DEFAULT -> SchemaBuilder.int64().defaultValue(-1L);
            case STRUCT -> SchemaBuilder.struct()
                    .name(NESTED.name())
                    .field("sku", Schema.STRING_SCHEMA)
                    .field("qty", Schema.OPTIONAL_INT32_SCHEMA);
        };
    }

    @SuppressWarnings("unchecked")
    private static Arbitrary<Object> value(Column column) {
        Arbitrary<?> value =
                switch (column) {
                    case INT8 -> Arbitraries.bytes();
                    case INT16 -> Arbitraries.shorts();
                    case INT32 -> Arbitraries.integers();
                    case INT64 -> Arbitraries.longs();
                    case FLOAT32 -> Arbitraries.floats()
                            .withSpecialValue(Float.NaN)
                            .withSpecialValue(Float.NEGATIVE_INFINITY);
                    case FLOAT64 -> Arbitraries.doubles()
                            .withSpecialValue(Double.NaN)
                            .withSpecialValue(Double.MIN_VALUE);
                    case BOOLEAN -> Arbitraries.of(true, false);
                    case STRING, STRING_WITH_DEFAULT -> text();
                    case LONG_WITH_DEFAULT -> Arbitraries.longs();
                    case BYTES -> Arbitraries.bytes().array(byte[].class).ofMaxSize(16);
                    case DECIMAL -> Arbitraries.bigDecimals()
                            .between(new BigDecimal("-1e20"), new BigDecimal("1e20"))
                            .ofScale(4);
                    case DATE -> Arbitraries.integers()
                            .between(-700_000, 2_900_000)
                            .map(days -> new java.util.Date(days * 86_400_000L));
                    case TIME -> Arbitraries.integers().between(0, 86_399_999).map(ms -> new java.util.Date(ms));
                    case TIMESTAMP -> timestamps();
                    case ARRAY -> Arbitraries.integers().injectNull(0.1).list().ofMaxSize(4);
                    case STRING_MAP -> Arbitraries.maps(text(), text()).ofMaxSize(3);
                    case LONG_MAP -> Arbitraries.maps(
                                    Arbitraries.longs(),
                                    Arbitraries.of(true, false).injectNull(0.2))
                            .ofMaxSize(3);
                    case STRUCT -> Combinators.combine(
                                    text(), Arbitraries.integers().injectNull(0.3))
                            .as((sku, qty) -> java.util.Arrays.asList(sku, qty));
                };
        return (Arbitrary<Object>) value;
    }

    private static Arbitrary<java.util.Date> timestamps() {
        return Arbitraries.longs().between(YEAR_1, YEAR_9999).map(java.util.Date::new);
    }

    /** Unicode text without lone surrogates, which no UTF-8 encoder keeps. */
    private static Arbitrary<String> text() {
        return Arbitraries.strings()
                .withCharRange(' ', '\uD7FF')
                .withChars('\t', '\n', '"', '\\', '\u0000')
                .ofMaxLength(12);
    }
}
