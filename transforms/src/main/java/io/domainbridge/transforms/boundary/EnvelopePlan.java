package io.domainbridge.transforms.boundary;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/**
 * Filters a Debezium change event: {@code before} and {@code after} go through the row plan, every other field
 * ({@code op}, {@code source}, {@code ts_ms}, {@code transaction}, ...) is kept as it is.
 */
final class EnvelopePlan implements StructPlan {

    private final Schema outputSchema;
    private final FieldCopy[] copies;
    private final RowPlan[] rowPlans;

    private EnvelopePlan(Schema outputSchema, FieldCopy[] copies, RowPlan[] rowPlans) {
        this.outputSchema = outputSchema;
        this.copies = copies;
        this.rowPlans = rowPlans;
    }

    static EnvelopePlan build(Schema envelope, TableContract table, Pseudonymizer pseudonymizer) {
        SchemaBuilder builder = SchemaStructure.copyHeader(envelope);
        List<Field> fields = envelope.fields();
        RowPlan[] rowPlans = new RowPlan[fields.size()];
        Map<Schema, RowPlan> byRowSchema = new IdentityHashMap<>();
        for (Field field : fields) {
            Schema schema = field.schema();
            if (SchemaStructure.isRowField(field.name()) && schema.type() == Schema.Type.STRUCT) {
                RowPlan plan = byRowSchema.computeIfAbsent(schema, s -> RowPlan.build(s, table, pseudonymizer));
                rowPlans[field.index()] = plan;
                schema = plan.outputSchema();
            }
            builder.field(field.name(), schema);
        }
        Schema output = builder.build();
        FieldCopy[] copies = new FieldCopy[fields.size()];
        for (Field field : fields) {
            copies[field.index()] = new FieldCopy(field, output.fields().get(field.index()));
        }
        return new EnvelopePlan(output, copies, rowPlans);
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
            copies[i].write(output, rowPlans[i] == null ? value : rowPlans[i].apply((Struct) value));
        }
        return output;
    }
}
