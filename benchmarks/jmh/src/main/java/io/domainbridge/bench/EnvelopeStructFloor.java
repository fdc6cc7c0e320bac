package io.domainbridge.bench;

import java.util.List;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The least work that emits the filtered change event {@code DomainBoundary} emits: the same three new structs filled
 * with {@link Struct#put}, every field found by index in advance, and a new record. No table lookup, plan cache,
 * headers or treatments, so its time is what Connect's struct validation costs on its own.
 */
final class EnvelopeStructFloor {

    private final Schema rowSchema;
    private final Schema envelopeSchema;
    private final Field[] keptColumns;
    private final Field[] envelopeFields;

    EnvelopeStructFloor(Schema inputEnvelope, List<String> keptColumns) {
        Schema inputRow = inputEnvelope.field("before").schema();
        SchemaBuilder row = SchemaBuilder.struct().name(inputRow.name()).optional();
        this.keptColumns = new Field[keptColumns.size()];
        for (int i = 0; i < this.keptColumns.length; i++) {
            this.keptColumns[i] = inputRow.field(keptColumns.get(i));
            row.field(this.keptColumns[i].name(), this.keptColumns[i].schema());
        }
        rowSchema = row.build();
        SchemaBuilder envelope =
                SchemaBuilder.struct().name(inputEnvelope.name()).version(inputEnvelope.version());
        for (Field field : inputEnvelope.fields()) {
            envelope.field(field.name(), field.schema() == inputRow ? rowSchema : field.schema());
        }
        envelopeSchema = envelope.build();
        envelopeFields = inputEnvelope.fields().toArray(new Field[0]);
    }

    SourceRecord apply(SourceRecord record) {
        Struct input = (Struct) record.value();
        Struct output = new Struct(envelopeSchema);
        for (Field field : envelopeFields) {
            Object value = input.get(field);
            if (value instanceof Struct struct && struct.schema() == field.schema() && isRow(field)) {
                value = row(struct);
            }
            if (value != null) {
                output.put(envelopeSchema.fields().get(field.index()), value);
            }
        }
        return record.newRecord(
                record.topic(),
                record.kafkaPartition(),
                record.keySchema(),
                record.key(),
                envelopeSchema,
                output,
                record.timestamp());
    }

    private Struct row(Struct input) {
        Struct output = new Struct(rowSchema);
        for (int i = 0; i < keptColumns.length; i++) {
            Object value = input.get(keptColumns[i]);
            if (value != null) {
                output.put(rowSchema.fields().get(i), value);
            }
        }
        return output;
    }

    private static boolean isRow(Field field) {
        return field.name().equals("before") || field.name().equals("after");
    }
}
