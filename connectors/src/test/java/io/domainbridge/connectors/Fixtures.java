package io.domainbridge.connectors;

import io.domainbridge.events.EventEnvelope;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/** Fixture records: envelope events, Debezium change events and tombstones. */
final class Fixtures {

    static final String EVENTS = "logistics.package.events";
    static final String ROWS = "logistics.shipping.customers";

    static final Schema DATA = SchemaBuilder.struct()
            .field("packageId", Schema.INT64_SCHEMA)
            .field("status", Schema.STRING_SCHEMA)
            .field("location", Schema.OPTIONAL_STRING_SCHEMA)
            .build();
    static final Schema ENVELOPE = EventEnvelope.schema(DATA);

    static final Schema ROW = SchemaBuilder.struct()
            .name("customers.Value")
            .optional()
            .field("id", Schema.INT64_SCHEMA)
            .field("full_name", Schema.OPTIONAL_STRING_SCHEMA)
            .field("version", Schema.INT64_SCHEMA)
            .build();
    static final Schema KEY =
            SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA).build();
    static final Schema SOURCE = SchemaBuilder.struct()
            .name("io.debezium.connector.postgresql.Source")
            .field("schema", Schema.STRING_SCHEMA)
            .field("table", Schema.STRING_SCHEMA)
            .build();
    static final Schema CHANGE = SchemaBuilder.struct()
            .name("logistics.shipping.customers.Envelope")
            .field("before", ROW)
            .field("after", ROW)
            .field("source", SOURCE)
            .field("op", Schema.STRING_SCHEMA)
            .build();

    private Fixtures() {}

    static SinkRecord event(String id, String type, long packageId, String status, long offset) {
        Struct data = new Struct(DATA).put("packageId", packageId).put("status", status);
        Struct envelope = new Struct(ENVELOPE)
                .put(EventEnvelope.ID, id)
                .put(EventEnvelope.TYPE, type)
                .put(EventEnvelope.SOURCE, "/logistics/package")
                .put(EventEnvelope.SPECVERSION, "1.0")
                .put(EventEnvelope.TIME, new Date(1_700_000_000_000L))
                .put(EventEnvelope.AGGREGATETYPE, "package")
                .put(EventEnvelope.AGGREGATEID, String.valueOf(packageId))
                .put(EventEnvelope.SOURCEDOMAIN, "logistics")
                .put(EventEnvelope.DATA, data);
        return new SinkRecord(EVENTS, 0, Schema.STRING_SCHEMA, String.valueOf(packageId), ENVELOPE, envelope, offset);
    }

    static SinkRecord change(String op, long id, String name, long version, long offset) {
        Struct row = new Struct(ROW).put("id", id).put("full_name", name).put("version", version);
        Struct source = new Struct(SOURCE).put("schema", "shipping").put("table", "customers");
        Struct change = new Struct(CHANGE).put("source", source).put("op", op);
        change.put(op.equals("d") ? "before" : "after", row);
        return new SinkRecord(ROWS, 1, KEY, new Struct(KEY).put("id", id), CHANGE, change, offset);
    }

    static SinkRecord tombstone(long id, long offset) {
        return new SinkRecord(ROWS, 1, KEY, new Struct(KEY).put("id", id), null, null, offset);
    }

    /** A statement mapping for status events and an upsert mapping for customers with a version guard. */
    static Map<String, String> config() {
        Map<String, String> props = new HashMap<>();
        props.put("name", "customer-service-sink");
        props.put("connection.url", "jdbc:postgresql://127.0.0.1:5432/customer");
        props.put("mappings", "status,customers");
        props.put("mappings.status.event.types", "PackageStatusChanged");
        props.put("mappings.status.action", "statement");
        props.put(
                "mappings.status.statement",
                "UPDATE deliveries SET status = :data.status, changed_at = :time WHERE package_id = :data.packageId");
        props.put("mappings.customers.source.tables", "shipping.customers");
        props.put("mappings.customers.table", "crm.customer");
        props.put("mappings.customers.fields", "id:customer_id, full_name:name, version:row_version");
        props.put("mappings.customers.key.columns", "customer_id");
        props.put("mappings.customers.version.column", "row_version");
        props.put("max.retries", "2");
        props.put("retry.backoff.ms", "250");
        return props;
    }
}
