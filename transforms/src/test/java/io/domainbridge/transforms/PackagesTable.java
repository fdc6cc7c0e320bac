package io.domainbridge.transforms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/**
 * Test fixture: the {@code public.packages} table of a parcel service as Debezium's PostgreSQL connector emits it, and
 * the contract that shares part of it.
 */
final class PackagesTable {

    static final String TOPIC = "dbserver.public.packages";
    static final String CONTRACT_ID = "parcel-tracking";
    static final String CONTRACT_VERSION = "3";
    static final String KEY = "test-only-pseudonymization-key-0123456789";
    static final String KEY_ID = "key-2026-01";

    static final long ID = 1001L;
    static final String TRACKING_CODE = "TRK-SECRET-7781";
    static final String STATUS = "in_transit";
    static final String EMAIL = "alice@example.org";
    static final String PHONE = "+31 6 1234 5678";
    static final int WEIGHT = 1250;
    static final String NOTE = "leave at the back door";
    static final String NATIONAL_ID = "NL-123456782";

    /** Row values of columns the contract does not share; none may ever leave. */
    static final String[] WITHHELD_VALUES = {TRACKING_CODE, NOTE, NATIONAL_ID};

    static final Schema ROW_SCHEMA = rowSchema(false);
    /** The table after a migration added {@code national_id} between existing columns. */
    static final Schema DRIFTED_ROW_SCHEMA = rowSchema(true);

    static final Schema SOURCE_SCHEMA = SchemaBuilder.struct()
            .name("io.debezium.connector.postgresql.Source")
            .field("version", Schema.STRING_SCHEMA)
            .field("connector", Schema.STRING_SCHEMA)
            .field("name", Schema.STRING_SCHEMA)
            .field("ts_ms", Schema.INT64_SCHEMA)
            .field(
                    "snapshot",
                    SchemaBuilder.string()
                            .optional()
                            .name("io.debezium.data.Enum")
                            .version(1)
                            .parameter(
                                    "allowed", "true,first,first_in_data_collection,last_in_data_collection,last,false")
                            .defaultValue("false")
                            .build())
            .field("db", Schema.STRING_SCHEMA)
            .field("sequence", Schema.OPTIONAL_STRING_SCHEMA)
            .field("schema", Schema.STRING_SCHEMA)
            .field("table", Schema.STRING_SCHEMA)
            .field("txId", Schema.OPTIONAL_INT64_SCHEMA)
            .field("lsn", Schema.OPTIONAL_INT64_SCHEMA)
            .field("xmin", Schema.OPTIONAL_INT64_SCHEMA)
            .build();

    static final Schema TRANSACTION_SCHEMA = SchemaBuilder.struct()
            .name("event.block")
            .version(1)
            .optional()
            .field("id", Schema.STRING_SCHEMA)
            .field("total_order", Schema.INT64_SCHEMA)
            .field("data_collection_order", Schema.INT64_SCHEMA)
            .build();

    static final Schema ENVELOPE_SCHEMA = envelopeSchema(ROW_SCHEMA);
    static final Schema DRIFTED_ENVELOPE_SCHEMA = envelopeSchema(DRIFTED_ROW_SCHEMA);

    private PackagesTable() {}

    /** The contract: id and weight shared, status renamed, phone masked, email pseudonymized; depots by id and city. */
    static Map<String, String> contract() {
        Map<String, String> props = new HashMap<>();
        props.put("contract.id", CONTRACT_ID);
        props.put("contract.version", CONTRACT_VERSION);
        props.put(
                "columns",
                "public.packages.id, public.packages.status, public.packages.weight_grams,"
                        + " public.depots.id, public.depots.city");
        props.put("mask.columns", "public.packages.recipient_phone");
        props.put("pseudonymize.columns", "public.packages.recipient_email");
        props.put("renames", "public.packages.status:delivery_status");
        props.put("pseudonymize.key.secret", KEY);
        props.put("pseudonymize.key.id", KEY_ID);
        return props;
    }

    static Struct row() {
        return new Struct(ROW_SCHEMA)
                .put("id", ID)
                .put("tracking_code", TRACKING_CODE)
                .put("status", STATUS)
                .put("recipient_email", EMAIL)
                .put("recipient_phone", PHONE)
                .put("weight_grams", WEIGHT)
                .put("internal_note", NOTE);
    }

    static Struct driftedRow() {
        Struct row = new Struct(DRIFTED_ROW_SCHEMA).put("national_id", NATIONAL_ID);
        Struct original = row();
        ROW_SCHEMA.fields().forEach(field -> row.put(field.name(), original.get(field)));
        return row;
    }

    static Map<String, Object> rowMap() {
        Struct struct = row();
        Map<String, Object> row = new HashMap<>();
        ROW_SCHEMA.fields().forEach(field -> row.put(field.name(), struct.get(field)));
        row.put("national_id", NATIONAL_ID);
        return row;
    }

    static Struct source() {
        return new Struct(SOURCE_SCHEMA)
                .put("version", "3.6.1.Final")
                .put("connector", "postgresql")
                .put("name", "dbserver")
                .put("ts_ms", 1_767_225_600_000L)
                .put("snapshot", "false")
                .put("db", "parcels")
                .put("schema", "public")
                .put("table", "packages")
                .put("txId", 771L)
                .put("lsn", 24_023_128L);
    }

    /** An update: the package moved from {@code registered} to {@link #STATUS}. */
    static Struct envelope() {
        return envelope(ENVELOPE_SCHEMA, row().put("status", "registered"), row());
    }

    static Struct envelope(Schema schema, Struct before, Struct after) {
        return new Struct(schema)
                .put("before", before)
                .put("after", after)
                .put("source", source())
                .put("op", "u")
                .put("ts_ms", 1_767_225_600_123L);
    }

    static Map<String, Object> envelopeMap() {
        Struct struct = source();
        Map<String, Object> source = new HashMap<>();
        SOURCE_SCHEMA.fields().forEach(field -> source.put(field.name(), struct.get(field)));
        Map<String, Object> before = rowMap();
        before.put("status", "registered");
        Map<String, Object> envelope = new HashMap<>();
        envelope.put("before", before);
        envelope.put("after", rowMap());
        envelope.put("source", source);
        envelope.put("op", "u");
        envelope.put("ts_ms", 1_767_225_600_123L);
        return envelope;
    }

    /** HMAC-SHA-256 in lowercase hex, computed here independently of the code under test. */
    static String hmac(String key, byte[] canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(canonical));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static String hmac(String key, String canonicalText) {
        return hmac(key, canonicalText.getBytes(StandardCharsets.UTF_8));
    }

    private static Schema rowSchema(boolean drifted) {
        SchemaBuilder builder = SchemaBuilder.struct()
                .name("dbserver.public.packages.Value")
                .optional()
                .field("id", Schema.INT64_SCHEMA)
                .field("tracking_code", Schema.STRING_SCHEMA)
                .field(
                        "status",
                        SchemaBuilder.string()
                                .optional()
                                .defaultValue("registered")
                                .build());
        if (drifted) {
            builder.field("national_id", Schema.OPTIONAL_STRING_SCHEMA);
        }
        return builder.field("recipient_email", Schema.OPTIONAL_STRING_SCHEMA)
                .field("recipient_phone", Schema.OPTIONAL_STRING_SCHEMA)
                .field("weight_grams", SchemaBuilder.int32().defaultValue(0).build())
                .field("internal_note", Schema.OPTIONAL_STRING_SCHEMA)
                .build();
    }

    private static Schema envelopeSchema(Schema row) {
        return SchemaBuilder.struct()
                .name("dbserver.public.packages.Envelope")
                .version(2)
                .field("before", row)
                .field("after", row)
                .field("source", SOURCE_SCHEMA)
                .field("transaction", TRANSACTION_SCHEMA)
                .field("op", Schema.STRING_SCHEMA)
                .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA)
                .build();
    }
}
