package io.domainbridge.converters.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class JsonDataCodecTest {

    private static final String TOPIC = "t";
    private final JsonDataCodec codec = new JsonDataCodec(true, JsonDataCodec.SCHEMA_HEADER);

    @Test
    void writesValuesAsAConsumerWithoutConnectExpects() {
        Schema schema = SchemaBuilder.struct()
                .field("day", Date.SCHEMA)
                .field("at", Time.SCHEMA)
                .field("when", Timestamp.SCHEMA)
                .field("price", Decimal.schema(3))
                .field("raw", Schema.BYTES_SCHEMA)
                .field("nan", Schema.FLOAT64_SCHEMA)
                .field(
                        "ids",
                        SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.STRING_SCHEMA)
                                .build())
                .build();
        Struct value = new Struct(schema)
                .put("day", new java.util.Date(0))
                .put("at", new java.util.Date(3_723_004L))
                .put("when", new java.util.Date(1_000L))
                .put("price", new BigDecimal("1.500"))
                .put("raw", "hi".getBytes(UTF_8))
                .put("nan", Double.NaN)
                .put("ids", Map.of(7, "seven"));

        String json = new String(codec.encode(TOPIC, schema, value), UTF_8);

        assertThat(json)
                .isEqualTo("{\"day\":\"1970-01-01\",\"at\":\"01:02:03.004\",\"when\":\"1970-01-01T00:00:01Z\","
                        + "\"price\":1.500,\"raw\":\"aGk=\",\"nan\":\"NaN\",\"ids\":[[7,\"seven\"]]}");
        assertThat(codec.read(TOPIC, codec.parse(TOPIC, json.getBytes(UTF_8)), schema, true))
                .isEqualTo(new SchemaAndValue(schema, value));
    }

    @Test
    void carriesTheSchemaInJsonConvertersShape() {
        Schema schema = SchemaBuilder.struct()
                .name("com.example.A")
                .version(2)
                .doc("an a")
                .field(
                        "n",
                        SchemaBuilder.int16().optional().defaultValue((short) 4).build())
                .field("d", Decimal.schema(2))
                .build();

        String header = new String(codec.schemaHeader(schema), UTF_8);

        assertThat(header)
                .isEqualTo("{\"type\":\"struct\",\"optional\":false,\"name\":\"com.example.A\",\"version\":2,"
                        + "\"doc\":\"an a\",\"fields\":[{\"type\":\"int16\",\"optional\":true,\"default\":4,\"field\":\"n\"},"
                        + "{\"type\":\"bytes\",\"optional\":false,\"name\":\"org.apache.kafka.connect.data.Decimal\","
                        + "\"version\":1,\"parameters\":{\"scale\":\"2\"},\"field\":\"d\"}]}");
        assertThat(codec.schemaOf(TOPIC, header.getBytes(UTF_8))).isEqualTo(schema);
        assertThat(new JsonDataCodec(false, JsonDataCodec.SCHEMA_HEADER).schemaHeader(schema))
                .isNull();
    }

    @Test
    void infersAStructWhereOneIsNeededAndReadsSchemalessOtherwise() {
        byte[] json =
                "{\"name\":\"x\",\"n\":3,\"r\":1.5,\"ok\":true,\"tags\":[\"a\"],\"sub\":{\"k\":null}}".getBytes(UTF_8);

        SchemaAndValue inferred = codec.read(TOPIC, codec.parse(TOPIC, json), null, true);
        SchemaAndValue schemaless = codec.read(TOPIC, codec.parse(TOPIC, json), null, false);

        Struct struct = (Struct) inferred.value();
        assertThat(struct.getString("name")).isEqualTo("x");
        assertThat(struct.getInt64("n")).isEqualTo(3L);
        assertThat(struct.getFloat64("r")).isEqualTo(1.5);
        assertThat(struct.getArray("tags")).isEqualTo(List.of("a"));
        assertThat(struct.getStruct("sub").getString("k")).isNull();
        assertThat(schemaless.schema()).isNull();
        assertThat(schemaless.value())
                .isEqualTo(Map.of(
                        "name",
                        "x",
                        "n",
                        3L,
                        "r",
                        1.5,
                        "ok",
                        true,
                        "tags",
                        List.of("a"),
                        "sub",
                        java.util.Collections.singletonMap("k", null)));
    }

    @Test
    void namesTheFieldThatDoesNotMatchButNotItsValue() {
        Schema schema = SchemaBuilder.struct().field("qty", Schema.INT8_SCHEMA).build();

        assertThatThrownBy(() -> codec.read(TOPIC, codec.parse(TOPIC, "{\"qty\":1000}".getBytes(UTF_8)), schema, true))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("'data.qty' is out of range")
                .hasMessageNotContaining("1000");
        assertThatThrownBy(() -> codec.read(TOPIC, codec.parse(TOPIC, "{}".getBytes(UTF_8)), schema, true))
                .hasMessageContaining("required field 'data.qty' is missing");
    }
}
