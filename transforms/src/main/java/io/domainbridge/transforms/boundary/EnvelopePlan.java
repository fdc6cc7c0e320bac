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
    private final List<Field> inputFields;
    private final RowPlan[] rowPlans;

    private EnvelopePlan(Schema outputSchema, List<Field> inputFields, RowPlan[] rowPlans) {
        this.outputSchema = outputSchema;
        this.inputFields = inputFields;
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
        return new EnvelopePlan(builder.build(), fields, rowPlans);
    }

    @Override
    public Schema outputSchema() {
        return outputSchema;
    }

    @Override
    public Struct apply(Struct input) {
        Struct output = new Struct(outputSchema);
        List<Field> outputFields = outputSchema.fields();
        for (Field field : inputFields) {
            Object value = SchemaStructure.valueOf(input, field);
            RowPlan rowPlan = rowPlans[field.index()];
            output.put(outputFields.get(field.index()), rowPlan == null ? value : rowPlan.apply((Struct) value));
        }
        return output;
    }
}
