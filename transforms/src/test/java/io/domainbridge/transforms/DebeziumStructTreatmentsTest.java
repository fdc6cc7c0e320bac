package io.domainbridge.transforms;

import static io.domainbridge.transforms.PackagesTable.KEY;
import static io.domainbridge.transforms.PackagesTable.hmac;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Debezium's semantic types that arrive as structs: its decimal of any scale is pseudonymized and masked like a
 * decimal; every other struct-shaped type is rejected when the plan is built, naming column, table and type.
 */
class DebeziumStructTreatmentsTest {

    static final String VSD = "io.debezium.data.VariableScaleDecimal";

    static Schema variableScaleDecimal(boolean optional) {
        SchemaBuilder builder = SchemaBuilder.struct()
                .name(VSD)
                .version(1)
                .doc("Variable scaled decimal")
                .field("scale", Schema.INT32_SCHEMA)
                .field("value", Schema.BYTES_SCHEMA);
        return (optional ? builder.optional() : builder).build();
    }

    static Struct variableScaleDecimal(Schema schema, BigDecimal value) {
        return new Struct(schema)
                .put("scale", value.scale())
                .put("value", value.unscaledValue().toByteArray());
    }

    @Test
    void variableScaleDecimalIsPseudonymizedAsItsPlainDecimal() {
        Schema schema = variableScaleDecimal(false);

        Object pseudonym = VaultRows.pseudonymize(schema, variableScaleDecimal(schema, new BigDecimal("-1234.500")));

        assertThat(pseudonym).isEqualTo(hmac(KEY, "-1234.500"));
    }

    @Test
    void requiredVariableScaleDecimalIsMaskedToZeroOfItsSchema() {
        Schema schema = variableScaleDecimal(false);

        Struct masked = (Struct) VaultRows.mask(schema, variableScaleDecimal(schema, new BigDecimal("98.76")));

        masked.validate();
        assertThat(masked.schema()).isEqualTo(schema);
        assertThat(masked.getInt32("scale")).isZero();
        assertThat(masked.getBytes("value")).containsExactly(0);
    }

    @Test
    void optionalVariableScaleDecimalIsMaskedToNull() {
        Schema schema = variableScaleDecimal(true);

        assertThat(VaultRows.mask(schema, variableScaleDecimal(schema, new BigDecimal("98.76"))))
                .isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "io.debezium.data.geometry.Geometry",
                "io.debezium.data.geometry.Geography",
                "io.debezium.data.geometry.Point",
                "io.debezium.data.SparseDoubleVector"
            })
    void otherStructTypesAreRejectedBeforeAnyValueLeaves(String type) {
        Schema schema = SchemaBuilder.struct()
                .name(type)
                .field("wkb", Schema.BYTES_SCHEMA)
                .field("srid", Schema.OPTIONAL_INT32_SCHEMA)
                .build();
        Struct value = new Struct(schema).put("wkb", new byte[] {1, 2, 3});

        List<Supplier<Object>> treatments =
                List.of(() -> VaultRows.pseudonymize(schema, value), () -> VaultRows.mask(schema, value));
        for (Supplier<Object> treated : treatments) {
            assertThatThrownBy(treated::get)
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("'secret'")
                    .hasMessageContaining("public.vault")
                    .hasMessageContaining(type);
        }
    }

    @Test
    void arraysOfDebeziumVectorsAreRejectedForPseudonymsNamingTheirType() {
        Schema vector = SchemaBuilder.array(Schema.FLOAT64_SCHEMA)
                .name("io.debezium.data.DoubleVector")
                .build();

        assertThatThrownBy(() -> VaultRows.pseudonymize(vector, List.of(1.0)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("'secret'")
                .hasMessageContaining("io.debezium.data.DoubleVector");
    }

    /** A table {@code public.vault} with a shared {@code id} and a treated {@code secret}, one row at a time. */
    static final class VaultRows {

        private VaultRows() {}

        static Object pseudonymize(Schema secret, Object value) {
            return apply("pseudonymize.columns", secret, value);
        }

        static Object mask(Schema secret, Object value) {
            return apply("mask.columns", secret, value);
        }

        private static Object apply(String treatment, Schema secret, Object value) {
            Map<String, String> props = new HashMap<>(PackagesTable.contract());
            props.put("columns", "public.vault.id");
            props.put("mask.columns", "");
            props.put("pseudonymize.columns", "");
            props.put("renames", "");
            props.put(treatment, "public.vault.secret");
            Schema schema = SchemaBuilder.struct()
                    .name("dbserver.public.vault.Value")
                    .field("id", Schema.INT64_SCHEMA)
                    .field("secret", secret)
                    .build();
            Struct row = new Struct(schema).put("id", 7L).put("secret", value);
            try (DomainBoundary<SourceRecord> boundary = new DomainBoundary.Value<>()) {
                boundary.configure(props);
                SourceRecord output = boundary.apply(
                        new SourceRecord(Map.of(), Map.of(), "dbserver.public.vault", null, null, schema, row));
                return ((Struct) output.value()).getWithoutDefault("secret");
            }
        }
    }
}
