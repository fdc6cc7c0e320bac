package io.domainbridge.transforms.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/** Filters one row schema: shared columns are kept (renamed, masked or pseudonymized), all others removed. */
final class RowPlan implements StructPlan {

    private record ColumnStep(FieldCopy copy, UnaryOperator<Object> treatment) {
        Object treat(Object value) {
            return treatment == null ? value : treatment.apply(value);
        }
    }

    private final Schema outputSchema;
    private final ColumnStep[] steps;

    private RowPlan(Schema outputSchema, ColumnStep[] steps) {
        this.outputSchema = outputSchema;
        this.steps = steps;
    }

    static RowPlan build(Schema input, TableContract table, Pseudonymizer pseudonymizer) {
        SchemaBuilder builder = SchemaStructure.copyHeader(input);
        List<Field> shared = new ArrayList<>();
        List<UnaryOperator<Object>> treatments = new ArrayList<>();
        for (Field field : input.fields()) {
            ColumnRule rule = table.rule(field.name());
            if (rule != null) {
                builder.field(rule.outputName(), outputSchema(field, rule, table));
                shared.add(field);
                treatments.add(treatment(field, rule, table, pseudonymizer));
            }
        }
        Schema output = builder.build();
        ColumnStep[] steps = new ColumnStep[shared.size()];
        for (int i = 0; i < steps.length; i++) {
            Field field = shared.get(i);
            Field out = output.field(table.rule(field.name()).outputName());
            steps[i] = new ColumnStep(new FieldCopy(field, out), treatments.get(i));
        }
        return new RowPlan(output, steps);
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
        for (ColumnStep step : steps) {
            step.copy().write(output, step.treat(step.copy().read(input)));
        }
        return output;
    }

    private static Schema outputSchema(Field field, ColumnRule rule, TableContract table) {
        if (rule.treatment() != Treatment.PSEUDONYMIZE) {
            return field.schema();
        }
        String unsupported = CanonicalText.unsupported(field.schema());
        if (unsupported != null) {
            throw new DataException("Cannot pseudonymize column '" + field.name() + "' of table '" + table.name()
                    + "': " + unsupported);
        }
        return field.schema().isOptional() ? Schema.OPTIONAL_STRING_SCHEMA : Schema.STRING_SCHEMA;
    }

    private static UnaryOperator<Object> treatment(
            Field field, ColumnRule rule, TableContract table, Pseudonymizer pseudonymizer) {
        Schema schema = field.schema();
        return switch (rule.treatment()) {
            case KEEP -> null;
            case MASK -> {
                Object masked = MaskValues.forSchema(schema, field.name(), table.name());
                yield value -> masked;
            }
            case PSEUDONYMIZE -> value -> pseudonymizer.pseudonymize(schema, value);
        };
    }
}
