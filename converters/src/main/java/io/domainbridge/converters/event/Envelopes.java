package io.domainbridge.converters.event;

import io.domainbridge.converters.SchemaCache;
import io.domainbridge.events.EventEnvelope;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/** Builds envelope structs from attributes read off the wire, with one envelope schema per data schema. */
final class Envelopes {

    /** The data schema of an event whose data and data schema are both absent. */
    static final Schema NO_DATA = SchemaBuilder.struct().optional().build();

    private final SchemaCache<Schema, Schema> schemas = new SchemaCache<>(256);

    SchemaAndValue envelope(String topic, Map<String, Object> attributes, SchemaAndValue data) {
        Schema dataSchema = data.schema() != null ? data.schema() : NO_DATA;
        Schema schema = schemas.get(dataSchema, EventEnvelope::schema);
        Struct envelope = new Struct(schema);
        for (Field field : schema.fields()) {
            Object value = EventEnvelope.DATA.equals(field.name()) ? data.value() : attributes.get(field.name());
            if (value == null && !field.schema().isOptional()) {
                throw new DataException("A CloudEvent in topic '" + topic + "' lacks the attribute '" + field.name()
                        + "' the envelope requires");
            }
            envelope.put(field, value);
        }
        return new SchemaAndValue(schema, envelope);
    }

    void clear() {
        schemas.clear();
    }
}
