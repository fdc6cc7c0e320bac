package io.domainbridge.transforms.boundary;

import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/**
 * Filters a primary key that Debezium carries in a header ({@code __debezium.oldkey}, {@code __debezium.newkey}) with
 * the same row plan as the record key. Both {@code $Key} and {@code $Value} apply it, so the output schema is marked
 * with the contract id: the second boundary recognises the header as filtered and passes it unchanged (pseudonyms
 * are not taken twice, renamed columns not lost). A header marked for another contract, or marked but holding a
 * column the contract does not let out, is dropped, as is one from which no column remains.
 */
final class KeyHeaderPlan implements StructPlan {

    static final String MARKER_PARAMETER = "domainbridge.contract.id";

    private enum Kind {
        FILTER,
        ALREADY_FILTERED,
        DROP
    }

    private final Kind kind;
    private final RowPlan rowPlan;
    private final Schema outputSchema;
    private final FieldCopy[] copies;

    private KeyHeaderPlan(Kind kind, RowPlan rowPlan, Schema outputSchema, FieldCopy[] copies) {
        this.kind = kind;
        this.rowPlan = rowPlan;
        this.outputSchema = outputSchema;
        this.copies = copies;
    }

    static KeyHeaderPlan build(Schema input, TableContract table, Pseudonymizer pseudonymizer, String contractId) {
        Map<String, String> parameters = input.parameters();
        if (parameters != null && parameters.containsKey(MARKER_PARAMETER)) {
            boolean ours = contractId.equals(parameters.get(MARKER_PARAMETER))
                    && input.fields().stream().allMatch(field -> table.isOutputColumn(field.name()));
            return new KeyHeaderPlan(ours ? Kind.ALREADY_FILTERED : Kind.DROP, null, input, null);
        }
        RowPlan rowPlan = RowPlan.build(input, table, pseudonymizer);
        List<Field> fields = rowPlan.outputSchema().fields();
        if (fields.isEmpty()) {
            return new KeyHeaderPlan(Kind.DROP, null, null, null);
        }
        SchemaBuilder builder =
                SchemaStructure.copyHeader(rowPlan.outputSchema()).parameter(MARKER_PARAMETER, contractId);
        fields.forEach(field -> builder.field(field.name(), field.schema()));
        Schema marked = builder.build();
        FieldCopy[] copies = new FieldCopy[fields.size()];
        for (int i = 0; i < copies.length; i++) {
            copies[i] = new FieldCopy(fields.get(i), marked.fields().get(i));
        }
        return new KeyHeaderPlan(Kind.FILTER, rowPlan, marked, copies);
    }

    /** The schema of the header that leaves; null when the header is dropped. */
    @Override
    public Schema outputSchema() {
        return outputSchema;
    }

    /** The key that leaves in the header, or null when the header is dropped. */
    @Override
    public Struct apply(Struct input) {
        return switch (kind) {
            case DROP -> null;
            case ALREADY_FILTERED -> input;
            case FILTER -> mark(rowPlan.apply(input));
        };
    }

    private Struct mark(Struct filtered) {
        Struct output = new Struct(outputSchema);
        for (FieldCopy copy : copies) {
            copy.write(output, copy.read(filtered));
        }
        return output;
    }
}
