package io.domainbridge.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.domainbridge.transforms.FlatRows.Column;
import io.domainbridge.transforms.FlatRows.Fate;
import io.domainbridge.transforms.FlatRows.Row;
import io.domainbridge.transforms.FlatRows.Type;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.MaskField;
import org.apache.kafka.connect.transforms.ReplaceField;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * On flat rows the boundary does what Kafka's own {@code ReplaceField} and {@code MaskField} do, except where it
 * differs on purpose: it never substitutes a default for an explicit null, masks optional columns to null, masks
 * required bytes (which {@code MaskField} refuses) and keeps a decimal's scale.
 */
class DomainBoundaryKafkaParityTest {

    @Property(tries = 1000, edgeCases = EdgeCasesMode.MIXIN)
    void sharedColumnsAreThoseOfReplaceField(@ForAll("sharedOrWithheld") Row row) {
        Struct input = row.struct();
        Struct boundary = boundary(row, input);
        Struct kafka = (Struct) apply(new ReplaceField.Value<>(), replaceField(row, false), input);

        assertThat(DomainBoundaryTest.fieldNames(boundary.schema()))
                .containsExactlyElementsOf(DomainBoundaryTest.fieldNames(kafka.schema()));
        for (Column column : row.with(Fate.KEEP)) {
            String name = column.outputName();
            assertThat(boundary.schema().field(name).schema())
                    .as(name)
                    .isEqualTo(kafka.schema().field(name).schema());
            assertThat(Objects.deepEquals(boundary.getWithoutDefault(name), kafka.getWithoutDefault(name)))
                    .as("%s: %s vs ReplaceField's %s", column, boundary.get(name), kafka.get(name))
                    .isTrue();
        }
    }

    /** Documented: "null stays null, defaults are not substituted"; ReplaceField substitutes them by default. */
    @Property(tries = 1000, edgeCases = EdgeCasesMode.MIXIN)
    void boundaryKeepsTheNullWhereReplaceFieldSubstitutesTheDefault(@ForAll("sharedOrWithheld") Row row) {
        Struct input = row.struct();
        Struct boundary = boundary(row, input);
        Struct kafka = (Struct) apply(new ReplaceField.Value<>(), replaceField(row, true), input);

        for (Column column : row.with(Fate.KEEP)) {
            Object expected = column.withDefault() && column.nullValue() ? null : kafka.get(column.outputName());
            assertThat(Objects.deepEquals(boundary.getWithoutDefault(column.outputName()), expected))
                    .as("%s", column)
                    .isTrue();
            if (column.withDefault() && column.nullValue()) {
                assertThat(Objects.deepEquals(
                                kafka.get(column.outputName()), column.type().defaultValue()))
                        .isTrue();
            }
        }
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.MIXIN)
    void maskedColumnsAgainstMaskField(@ForAll("keptOrMasked") Row row) {
        Struct input = row.struct();
        if (row.with(Fate.MASK).stream().anyMatch(c -> c.type() == Type.STRUCT && !c.optional())) {
            assertThatThrownBy(() -> boundary(row, input))
                    .as("a required struct has no zero value: the boundary refuses to mask it")
                    .isInstanceOf(DataException.class);
            return;
        }
        Struct boundary = boundary(row, input);
        for (Column column : row.columns()) {
            Object ours = boundary.getWithoutDefault(column.name());
            if (column.fate() == Fate.KEEP) {
                assertThat(Objects.deepEquals(ours, input.getWithoutDefault(column.name())))
                        .as("%s", column)
                        .isTrue();
            } else {
                assertMaskedLikeMaskField(column, ours, maskField(column, input));
            }
        }
    }

    /** MaskField's result for one column: its value, or the DataException it raises. */
    private static Object maskField(Column column, Struct input) {
        Map<String, String> props = Map.of("fields", column.name(), "replace.null.with.default", "false");
        try {
            return ((Struct) apply(new MaskField.Value<>(), props, input)).getWithoutDefault(column.name());
        } catch (DataException e) {
            return e;
        }
    }

    private static void assertMaskedLikeMaskField(Column column, Object ours, Object kafka) {
        boolean kafkaRefuses = column.type() == Type.BYTES || column.type() == Type.STRUCT;
        if (kafkaRefuses && !column.nullValue()) {
            assertThat(kafka).as("MaskField cannot mask %s", column).isInstanceOf(DataException.class);
        }
        if (column.optional()) {
            assertThat(ours)
                    .as("documented: an optional masked column leaves as null (%s)", column)
                    .isNull();
            if (!kafkaRefuses && !column.nullValue()) {
                assertThat(kafka)
                        .as("MaskField gives the zero value instead (%s)", column)
                        .isNotNull();
            }
        } else if (column.type() == Type.BYTES) {
            assertThat((byte[]) ours)
                    .as("documented: required bytes mask to empty bytes")
                    .isEmpty();
        } else if (column.type() == Type.DECIMAL) {
            assertThat((BigDecimal) ours)
                    .as("the boundary keeps the column's scale")
                    .isEqualTo("0.00");
            assertThat((BigDecimal) kafka).as("MaskField gives BigDecimal.ZERO").isEqualTo(BigDecimal.ZERO);
        } else {
            assertThat(Objects.deepEquals(ours, kafka))
                    .as("%s: %s vs MaskField's %s", column, ours, kafka)
                    .isTrue();
        }
    }

    private static Struct boundary(Row row, Struct input) {
        return (Struct) apply(new DomainBoundary.Value<>(), row.contract(), input);
    }

    private static Map<String, String> replaceField(Row row, boolean replaceNullWithDefault) {
        return Map.of(
                "include",
                row.with(Fate.KEEP).stream().map(Column::name).collect(Collectors.joining(",")),
                "renames",
                row.with(Fate.KEEP).stream()
                        .filter(Column::renamed)
                        .map(column -> column.name() + ":" + column.outputName())
                        .collect(Collectors.joining(",")),
                "replace.null.with.default",
                Boolean.toString(replaceNullWithDefault));
    }

    private static Object apply(Transformation<SourceRecord> transform, Map<String, String> props, Struct input) {
        transform.configure(props);
        try {
            Schema schema = input.schema();
            return transform
                    .apply(new SourceRecord(Map.of(), Map.of(), FlatRows.TOPIC, 0, schema, input))
                    .value();
        } finally {
            transform.close();
        }
    }

    @Provide
    Arbitrary<Row> sharedOrWithheld() {
        return FlatRows.rows(List.of(Fate.KEEP, Fate.WITHHELD), true);
    }

    @Provide
    Arbitrary<Row> keptOrMasked() {
        return FlatRows.rows(List.of(Fate.KEEP, Fate.MASK), false);
    }
}
