package io.domainbridge.transforms.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/** Keeps the primitive fields of a metadata block (such as {@code source}) that an allow-list names; drops the rest. */
final class FieldSubsetPlan implements StructPlan {

    private final Schema outputSchema;
    private final FieldCopy[] copies;

    private FieldSubsetPlan(Schema outputSchema, FieldCopy[] copies) {
        this.outputSchema = outputSchema;
        this.copies = copies;
    }

    static FieldSubsetPlan build(Schema input, Set<String> allowed) {
        SchemaBuilder builder = SchemaStructure.copyHeader(input);
        List<Field> kept = new ArrayList<>();
        for (Field field : input.fields()) {
            if (allowed.contains(field.name()) && field.schema().type().isPrimitive()) {
                builder.field(field.name(), field.schema());
                kept.add(field);
            }
        }
        Schema output = builder.build();
        FieldCopy[] copies = new FieldCopy[kept.size()];
        for (int i = 0; i < copies.length; i++) {
            copies[i] = new FieldCopy(kept.get(i), output.fields().get(i));
        }
        return new FieldSubsetPlan(output, copies);
    }

    @Override
    public Schema outputSchema() {
        return outputSchema;
    }

    @Override
    public Struct apply(Struct input) {
        if (input == null) {
            return null;
        }
        Struct output = new Struct(outputSchema);
        for (FieldCopy copy : copies) {
            copy.write(output, copy.read(input));
        }
        return output;
    }
}
