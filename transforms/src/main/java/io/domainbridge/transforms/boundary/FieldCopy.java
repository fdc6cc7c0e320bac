package io.domainbridge.transforms.boundary;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/**
 * Copies one field between structs of fixed schemas, deciding once per plan what each record needs. A required field,
 * or an optional one without a default, is read by index with {@link Struct#get(Field)}: a required field left unset
 * means its default, an optional one has none to substitute. An optional field with a default is read with
 * {@link Struct#getWithoutDefault}, so an explicit null stays null. A null is not put into an optional output field,
 * which a new struct already holds as null.
 */
final class FieldCopy {

    private final Field input;
    private final boolean readByIndex;
    private final Field output;
    private final boolean skipNull;

    FieldCopy(Field input, Field output) {
        this.input = input;
        this.readByIndex = !input.schema().isOptional() || input.schema().defaultValue() == null;
        this.output = output;
        this.skipNull = output.schema().isOptional();
    }

    /** The input value; the struct's schema must equal the plan's input schema. */
    Object read(Struct struct) {
        return readByIndex ? struct.get(input) : struct.getWithoutDefault(input.name());
    }

    void write(Struct struct, Object value) {
        if (value != null || !skipNull) {
            struct.put(output, value);
        }
    }
}
