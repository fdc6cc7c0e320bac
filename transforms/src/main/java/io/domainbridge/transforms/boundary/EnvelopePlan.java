package io.domainbridge.transforms.boundary;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/**
 * Filters a Debezium change event: {@code before} and {@code after} go through the row plan, {@code source} and
 * {@code transaction} keep only the fields that cannot carry row data, {@code op} and the {@code ts_*} timestamps
 * are kept, and every other envelope field is removed.
 */
final class EnvelopePlan implements StructPlan {

    private final Schema outputSchema;
    private final FieldCopy[] copies;
    private final StructPlan[] nestedPlans;

    private EnvelopePlan(Schema outputSchema, FieldCopy[] copies, StructPlan[] nestedPlans) {
        this.outputSchema = outputSchema;
        this.copies = copies;
        this.nestedPlans = nestedPlans;
    }

    static EnvelopePlan build(Schema envelope, TableContract table, Pseudonymizer pseudonymizer) {
        SchemaBuilder builder = SchemaStructure.copyHeader(envelope);
        List<Field> kept = new ArrayList<>();
        List<StructPlan> plans = new ArrayList<>();
        Map<Schema, RowPlan> byRowSchema = new IdentityHashMap<>();
        for (Field field : envelope.fields()) {
            StructPlan plan = nestedPlan(field, table, pseudonymizer, byRowSchema);
            if (plan != null || isKeptAsItIs(field)) {
                builder.field(field.name(), plan == null ? field.schema() : plan.outputSchema());
                kept.add(field);
                plans.add(plan);
            }
        }
        Schema output = builder.build();
        FieldCopy[] copies = new FieldCopy[kept.size()];
        for (int i = 0; i < copies.length; i++) {
            copies[i] = new FieldCopy(kept.get(i), output.fields().get(i));
        }
        return new EnvelopePlan(output, copies, plans.toArray(StructPlan[]::new));
    }

    /** The plan of a row or metadata block, or null when the field is not one. */
    private static StructPlan nestedPlan(
            Field field, TableContract table, Pseudonymizer pseudonymizer, Map<Schema, RowPlan> byRowSchema) {
        Schema schema = field.schema();
        if (schema.type() != Schema.Type.STRUCT) {
            return null;
        }
        if (SchemaStructure.isRowField(field.name())) {
            return byRowSchema.computeIfAbsent(schema, s -> RowPlan.build(s, table, pseudonymizer));
        }
        Set<String> metadata = SchemaStructure.metadataFields(field.name());
        return metadata == null ? null : FieldSubsetPlan.build(schema, metadata);
    }

    private static boolean isKeptAsItIs(Field field) {
        return SchemaStructure.isPlainField(field.name())
                && field.schema().type().isPrimitive();
    }

    @Override
    public Schema outputSchema() {
        return outputSchema;
    }

    @Override
    public Struct apply(Struct input) {
        Struct output = new Struct(outputSchema);
        for (int i = 0; i < copies.length; i++) {
            Object value = copies[i].read(input);
            copies[i].write(output, nestedPlans[i] == null ? value : nestedPlans[i].apply((Struct) value));
        }
        return output;
    }
}
