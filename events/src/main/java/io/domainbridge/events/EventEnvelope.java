package io.domainbridge.events;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Timestamp;

/**
 * The project's standard event envelope: the CloudEvents 1.0 context attributes ({@code id}, {@code source},
 * {@code specversion}, {@code type}, {@code datacontenttype}, {@code subject}, {@code time}), Domain Bridge's
 * extension attributes (aggregate, command, correlation and causation ids, source domain, schema version) and the
 * event's {@code data} as a struct with the schema declared for its type. CommandEventEnvelope writes it; the
 * CloudEvents converter and the command sink read it.
 */
public final class EventEnvelope {

    public static final String SCHEMA_NAME = "io.domainbridge.EventEnvelope";
    public static final String SPEC_VERSION_1_0 = "1.0";

    public static final String ID = "id";
    public static final String TYPE = "type";
    public static final String SOURCE = "source";
    public static final String SUBJECT = "subject";
    public static final String TIME = "time";
    public static final String SPECVERSION = "specversion";
    public static final String DATACONTENTTYPE = "datacontenttype";
    public static final String AGGREGATETYPE = "aggregatetype";
    public static final String AGGREGATEID = "aggregateid";
    public static final String COMMANDID = "commandid";
    public static final String CORRELATIONID = "correlationid";
    public static final String CAUSATIONID = "causationid";
    public static final String SOURCEDOMAIN = "sourcedomain";
    public static final String SCHEMAVERSION = "schemaversion";
    public static final String DATA = "data";

    private EventEnvelope() {}

    /**
     * The envelope schema around a data schema. Required: {@code id}, {@code type}, {@code source},
     * {@code specversion}, {@code aggregatetype}, {@code aggregateid}, {@code sourcedomain}; the others are optional.
     */
    public static Schema schema(Schema dataSchema) {
        return SchemaBuilder.struct()
                .name(SCHEMA_NAME)
                .version(1)
                .field(ID, Schema.STRING_SCHEMA)
                .field(TYPE, Schema.STRING_SCHEMA)
                .field(SOURCE, Schema.STRING_SCHEMA)
                .field(SUBJECT, Schema.OPTIONAL_STRING_SCHEMA)
                .field(TIME, Timestamp.builder().optional().build())
                .field(SPECVERSION, Schema.STRING_SCHEMA)
                .field(DATACONTENTTYPE, Schema.OPTIONAL_STRING_SCHEMA)
                .field(AGGREGATETYPE, Schema.STRING_SCHEMA)
                .field(AGGREGATEID, Schema.STRING_SCHEMA)
                .field(COMMANDID, Schema.OPTIONAL_STRING_SCHEMA)
                .field(CORRELATIONID, Schema.OPTIONAL_STRING_SCHEMA)
                .field(CAUSATIONID, Schema.OPTIONAL_STRING_SCHEMA)
                .field(SOURCEDOMAIN, Schema.STRING_SCHEMA)
                .field(SCHEMAVERSION, Schema.OPTIONAL_INT32_SCHEMA)
                .field(DATA, dataSchema)
                .build();
    }

    /** Whether a schema is an envelope schema made by {@link #schema(Schema)}. */
    public static boolean isEnvelope(Schema schema) {
        return schema != null && schema.type() == Schema.Type.STRUCT && SCHEMA_NAME.equals(schema.name());
    }
}
