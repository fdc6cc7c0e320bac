package io.domainbridge.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class IncomingRecordTest {

    @Test
    void replicatedRowWithColumnsNamedLikeAnEnvelopeIsARow() {
        Schema origin = SchemaBuilder.struct()
                .optional()
                .field("system", Schema.STRING_SCHEMA)
                .build();
        Schema row = SchemaBuilder.struct()
                .name("logistics.shipping.events.Value")
                .field("id", Schema.INT64_SCHEMA)
                .field("op", Schema.STRING_SCHEMA)
                .field("before", Schema.OPTIONAL_STRING_SCHEMA)
                .field("after", Schema.OPTIONAL_STRING_SCHEMA)
                .field("source", origin)
                .build();
        Struct value = new Struct(row)
                .put("id", 3L)
                .put("op", "d")
                .put("after", "shipped")
                .put("source", new Struct(origin).put("system", "crm"));
        Map<String, Object> schemaless =
                Map.of("id", 3L, "op", "d", "after", "shipped", "source", Map.of("system", "crm"));

        IncomingRecord withSchema =
                IncomingRecord.of(new SinkRecord("logistics.shipping.events", 0, null, null, row, value, 1));
        IncomingRecord withoutSchema =
                IncomingRecord.of(new SinkRecord("logistics.shipping.events", 0, null, null, null, schemaless, 2));

        assertThat(withSchema.kind()).isEqualTo(IncomingRecord.Kind.ROW);
        assertThat(withSchema.value("after").value()).isEqualTo("shipped");
        assertThat(withoutSchema.kind()).isEqualTo(IncomingRecord.Kind.ROW);
        assertThat(withoutSchema.value("id").value()).isEqualTo(3L);
    }
}
