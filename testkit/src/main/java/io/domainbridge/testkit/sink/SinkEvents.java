package io.domainbridge.testkit.sink;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.json.JsonConverter;

/**
 * Records as the upstream connectors write them: envelope events (as CommandEventEnvelope makes them) and
 * Debezium change events of the Logistics customers table, serialized with JsonConverter, schemas included.
 */
public final class SinkEvents {

    public static final String EVENTS = "logistics.package.events";
    public static final String CUSTOMERS = "logistics-cdc.shipping.customers";

    private static final Schema STATUS = SchemaBuilder.struct()
            .field("packageId", Schema.INT64_SCHEMA)
            .field("status", Schema.OPTIONAL_STRING_SCHEMA)
            .build();
    private static final Schema LOCATED = SchemaBuilder.struct()
            .field("packageId", Schema.INT64_SCHEMA)
            .field("location", Schema.STRING_SCHEMA)
            .field("sequence", Schema.INT64_SCHEMA)
            .build();
    private static final Schema ROW = SchemaBuilder.struct()
            .name("logistics-cdc.shipping.customers.Value")
            .optional()
            .field("id", Schema.INT64_SCHEMA)
            .field("full_name", Schema.STRING_SCHEMA)
            .field("email", Schema.OPTIONAL_STRING_SCHEMA)
            .build();
    private static final Schema SOURCE = SchemaBuilder.struct()
            .field("schema", Schema.STRING_SCHEMA)
            .field("table", Schema.STRING_SCHEMA)
            .build();
    private static final Schema CHANGE = SchemaBuilder.struct()
            .name("logistics-cdc.shipping.customers.Envelope")
            .field("before", ROW)
            .field("after", ROW)
            .field("source", SOURCE)
            .field("op", Schema.STRING_SCHEMA)
            .build();

    private final JsonConverter converter = new JsonConverter();

    public SinkEvents() {
        converter.configure(Map.of("schemas.enable", "true"), false);
    }

    public String statusChanged(String id, long packageId, String status) {
        Struct data = new Struct(STATUS).put("packageId", packageId).put("status", status);
        return envelope(id, "PackageStatusChanged", packageId, data);
    }

    public String located(String id, long packageId, String location, long sequence) {
        Struct data = new Struct(LOCATED)
                .put("packageId", packageId)
                .put("location", location)
                .put("sequence", sequence);
        return envelope(id, "PackageLocated", packageId, data);
    }

    public String customer(String op, long id, String name, String email) {
        Struct row = new Struct(ROW).put("id", id).put("full_name", name).put("email", email);
        Struct change = new Struct(CHANGE)
                .put("source", new Struct(SOURCE).put("schema", "shipping").put("table", "customers"))
                .put("op", op)
                .put(op.equals("d") ? "before" : "after", row);
        return json(CUSTOMERS, CHANGE, change);
    }

    private String envelope(String id, String type, long packageId, Struct data) {
        return event(id, type, "package", String.valueOf(packageId), data);
    }

    /** An envelope event of any aggregate type from Logistics, with the given data. */
    public String event(String id, String type, String aggregateType, String aggregateId, Struct data) {
        Schema schema = envelopeSchema(data.schema());
        Struct envelope = new Struct(schema)
                .put("id", id)
                .put("type", type)
                .put("source", "/logistics/" + aggregateType)
                .put("specversion", "1.0")
                .put("time", new Date())
                .put("aggregatetype", aggregateType)
                .put("aggregateid", aggregateId)
                .put("sourcedomain", "logistics")
                .put("data", data);
        return json(EVENTS, schema, envelope);
    }

    /** The envelope schema io.domainbridge.EventEnvelope, spelled out: our jars stay off the test classpath. */
    private static Schema envelopeSchema(Schema data) {
        return SchemaBuilder.struct()
                .name("io.domainbridge.EventEnvelope")
                .version(1)
                .field("id", Schema.STRING_SCHEMA)
                .field("type", Schema.STRING_SCHEMA)
                .field("source", Schema.STRING_SCHEMA)
                .field("subject", Schema.OPTIONAL_STRING_SCHEMA)
                .field("time", Timestamp.builder().optional().build())
                .field("specversion", Schema.STRING_SCHEMA)
                .field("datacontenttype", Schema.OPTIONAL_STRING_SCHEMA)
                .field("aggregatetype", Schema.STRING_SCHEMA)
                .field("aggregateid", Schema.STRING_SCHEMA)
                .field("commandid", Schema.OPTIONAL_STRING_SCHEMA)
                .field("correlationid", Schema.OPTIONAL_STRING_SCHEMA)
                .field("causationid", Schema.OPTIONAL_STRING_SCHEMA)
                .field("sourcedomain", Schema.STRING_SCHEMA)
                .field("schemaversion", Schema.OPTIONAL_INT32_SCHEMA)
                .field("data", data)
                .build();
    }

    private String json(String topic, Schema schema, Struct value) {
        return new String(converter.fromConnectData(topic, schema, value), StandardCharsets.UTF_8);
    }
}
