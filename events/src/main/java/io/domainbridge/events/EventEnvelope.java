package io.domainbridge.events;

import java.util.List;
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

    /** The prefix of an attribute's header in the CloudEvents Kafka binding's binary mode. */
    public static final String HEADER_PREFIX = "ce_";

    /** How an attribute's value is typed: in the envelope, and as CloudEvents' canonical string. */
    public enum Kind {
        STRING,
        TIMESTAMP,
        INTEGER
    }

    /**
     * One attribute of the envelope besides {@code data}: its field name, kind, whether every envelope carries it, and
     * its header in binary mode.
     */
    public record Attribute(String name, Kind kind, boolean required) {

        public String header() {
            return HEADER_PREFIX + name;
        }

        Schema schema() {
            return switch (kind) {
                case STRING -> required ? Schema.STRING_SCHEMA : Schema.OPTIONAL_STRING_SCHEMA;
                case TIMESTAMP -> required
                        ? Timestamp.SCHEMA
                        : Timestamp.builder().optional().build();
                case INTEGER -> required ? Schema.INT32_SCHEMA : Schema.OPTIONAL_INT32_SCHEMA;
            };
        }
    }

    /** Every attribute, in the order of the envelope's fields; {@code data} follows them. */
    public static final List<Attribute> ATTRIBUTES = List.of(
            new Attribute(ID, Kind.STRING, true),
            new Attribute(TYPE, Kind.STRING, true),
            new Attribute(SOURCE, Kind.STRING, true),
            new Attribute(SUBJECT, Kind.STRING, false),
            new Attribute(TIME, Kind.TIMESTAMP, false),
            new Attribute(SPECVERSION, Kind.STRING, true),
            new Attribute(DATACONTENTTYPE, Kind.STRING, false),
            new Attribute(AGGREGATETYPE, Kind.STRING, true),
            new Attribute(AGGREGATEID, Kind.STRING, true),
            new Attribute(COMMANDID, Kind.STRING, false),
            new Attribute(CORRELATIONID, Kind.STRING, false),
            new Attribute(CAUSATIONID, Kind.STRING, false),
            new Attribute(SOURCEDOMAIN, Kind.STRING, true),
            new Attribute(SCHEMAVERSION, Kind.INTEGER, false));

    private EventEnvelope() {}

    /** The envelope schema around a data schema: the {@link #ATTRIBUTES}, then {@code data}. */
    public static Schema schema(Schema dataSchema) {
        SchemaBuilder builder = SchemaBuilder.struct().name(SCHEMA_NAME).version(1);
        for (Attribute attribute : ATTRIBUTES) {
            builder.field(attribute.name(), attribute.schema());
        }
        return builder.field(DATA, dataSchema).build();
    }

    /** Whether a schema is an envelope schema made by {@link #schema(Schema)}. */
    public static boolean isEnvelope(Schema schema) {
        return schema != null && schema.type() == Schema.Type.STRUCT && SCHEMA_NAME.equals(schema.name());
    }
}
