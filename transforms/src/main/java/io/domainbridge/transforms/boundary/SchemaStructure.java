package io.domainbridge.transforms.boundary;

import io.domainbridge.events.ChangeEvents;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/** Which parts of a Debezium change event may leave, and copies of schema headers. */
final class SchemaStructure {

    static final String BEFORE = ChangeEvents.BEFORE;
    static final String AFTER = ChangeEvents.AFTER;
    static final String SOURCE = ChangeEvents.SOURCE;

    /** Envelope fields that leave as they are: the operation and the capture timestamps. */
    private static final Set<String> PLAIN_FIELDS =
            Set.of(ChangeEvents.OP, ChangeEvents.TS_MS, ChangeEvents.TS_US, ChangeEvents.TS_NS);

    /**
     * Envelope blocks that leave with only the fields that describe where and when a change happened. Every other
     * envelope field (a logical-decoding message, anything a later Debezium version adds) is removed.
     */
    private static final Map<String, Set<String>> METADATA_BLOCKS = Map.of(
            ChangeEvents.SOURCE, ChangeEvents.SOURCE_METADATA_FIELDS,
            ChangeEvents.TRANSACTION, ChangeEvents.TRANSACTION_FIELDS);

    private SchemaStructure() {}

    static boolean isEnvelope(Schema schema) {
        return ChangeEvents.isChangeEvent(schema);
    }

    static boolean isRowField(String name) {
        return BEFORE.equals(name) || AFTER.equals(name);
    }

    static boolean isPlainField(String name) {
        return PLAIN_FIELDS.contains(name);
    }

    /** The fields a metadata block may keep, or null when the envelope field is not a metadata block. */
    static Set<String> metadataFields(String name) {
        return METADATA_BLOCKS.get(name);
    }

    /** A struct builder with the input's name, version, doc, parameters and optionality, and no fields yet. */
    static SchemaBuilder copyHeader(Schema input) {
        SchemaBuilder builder = SchemaBuilder.struct()
                .name(input.name())
                .version(input.version())
                .doc(input.doc());
        if (input.parameters() != null) {
            builder.parameters(input.parameters());
        }
        return input.isOptional() ? builder.optional() : builder;
    }
}
