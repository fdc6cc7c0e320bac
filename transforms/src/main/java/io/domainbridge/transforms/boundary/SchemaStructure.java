package io.domainbridge.transforms.boundary;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/** Recognizes Debezium's change-event envelope and copies schema headers. */
final class SchemaStructure {

    static final String BEFORE = "before";
    static final String AFTER = "after";
    static final String OP = "op";
    static final String SOURCE = "source";

    private SchemaStructure() {}

    /** A Debezium change event: an {@code op}, a {@code source} struct and a {@code before} or {@code after} row. */
    static boolean isEnvelope(Schema schema) {
        if (schema.type() != Schema.Type.STRUCT || schema.field(OP) == null) {
            return false;
        }
        Field source = schema.field(SOURCE);
        return source != null
                && isStruct(source.schema())
                && (schema.field(AFTER) != null || schema.field(BEFORE) != null);
    }

    static boolean isRowField(String name) {
        return BEFORE.equals(name) || AFTER.equals(name);
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

    private static boolean isStruct(Schema schema) {
        return schema != null && schema.type() == Schema.Type.STRUCT;
    }
}
