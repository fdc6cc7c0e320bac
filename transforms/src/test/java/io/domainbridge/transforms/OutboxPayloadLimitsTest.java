package io.domainbridge.transforms;

import static io.domainbridge.transforms.OutboxTable.event;
import static io.domainbridge.transforms.OutboxTable.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.domainbridge.events.EventEnvelope;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Payload numbers beyond their type's range and duplicate keys are contract violations: a DataException naming the
 * field, never a silently changed value.
 */
class OutboxPayloadLimitsTest {

    private static final String DECLARED = "Measured{value:float64?, ratio:float32?, items:[{sku:string}]?}";

    private final List<CommandEventEnvelope<SourceRecord>> transforms = new ArrayList<>();

    @AfterEach
    void close() {
        transforms.forEach(CommandEventEnvelope::close);
    }

    @ParameterizedTest
    @CsvSource({"value, 1e400", "value, -1e400", "ratio, 1e39", "ratio, -3.5e38"})
    void declaredFloatBeyondItsRangeIsRejectedNamingTheField(String field, String number) {
        String payload = "{\"" + field + "\": " + number + "}";

        assertThatThrownBy(() ->
                        declared().apply(event("c", row().type("Measured", 1).payload(payload))))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("'" + field + "'")
                .hasMessageContaining("range")
                .hasMessageNotContaining(number);
    }

    @Test
    void declaredFloatsAtTheEdgeOfTheirRangeAreKept() {
        String payload = "{\"value\": 1.7976931348623157e308, \"ratio\": 3.4028235e38}";

        Struct data = data(declared().apply(event("c", row().type("Measured", 1).payload(payload))));

        assertThat(data.getFloat64("value")).isEqualTo(Double.MAX_VALUE);
        assertThat(data.getFloat32("ratio")).isEqualTo(Float.MAX_VALUE);
    }

    @Test
    void inferredIntegerBeyondInt64IsAnExactDecimalWithACachedSchema() {
        CommandEventEnvelope<SourceRecord> transform = inferring();
        String huge = "123456789012345678901234567890";

        Struct first = data(transform.apply(event("c", row().type("Counted", 1).payload("{\"n\": " + huge + "}"))));
        Struct second = data(transform.apply(event("c", row().type("Counted", 1).payload("{\"n\": -" + huge + "}"))));
        Struct small = data(transform.apply(event("c", row().type("Counted", 1).payload("{\"n\": 7}"))));

        Schema n = first.schema().field("n").schema();
        assertThat(n.name()).isEqualTo(Decimal.LOGICAL_NAME);
        assertThat(n.parameters()).containsEntry(Decimal.SCALE_FIELD, "0");
        assertThat(n.isOptional()).isTrue();
        assertThat(first.get("n")).isEqualTo(new BigDecimal(huge));
        assertThat(second.get("n")).isEqualTo(new BigDecimal("-" + huge));
        assertThat(second.schema()).isSameAs(first.schema());
        assertThat(small.schema().field("n").schema()).isEqualTo(Schema.OPTIONAL_INT64_SCHEMA);
    }

    @Test
    void inferredFloatBeyondFloat64FailsWithoutClaimingADeclaredSchema() {
        assertThatThrownBy(() ->
                        inferring().apply(event("c", row().type("Counted", 1).payload("{\"x\": {\"y\": 1e400}}"))))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("'x.y'")
                .hasMessageContaining("range")
                .hasMessageNotContaining("declared");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"value\": 1.0, \"value\": 2.0}|value",
                "{\"items\": [{\"sku\": \"a\"}, {\"sku\": \"b\", \"sku\": \"c\"}]}|items[1].sku",
                "{\"value\": 1.0, \"extra\": {\"k\": 1, \"k\": 1}}|extra.k"
            })
    void duplicateKeysAreRejectedNamingTheFieldPath(String caseText) {
        String payload = caseText.substring(0, caseText.indexOf('|'));
        String path = caseText.substring(caseText.indexOf('|') + 1);

        for (CommandEventEnvelope<SourceRecord> transform : List.of(declared(), inferring())) {
            String type = transform == transforms.get(0) ? "Measured" : "Undeclared";
            assertThatThrownBy(
                            () -> transform.apply(event("c", row().type(type, 1).payload(payload))))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("duplicate")
                    .hasMessageContaining("'" + path + "'");
        }
    }

    private CommandEventEnvelope<SourceRecord> declared() {
        return configured(Map.of("data.schemas", DECLARED));
    }

    private CommandEventEnvelope<SourceRecord> inferring() {
        return configured(Map.of("data.schemas", DECLARED, "undeclared.event.behavior", "infer"));
    }

    private CommandEventEnvelope<SourceRecord> configured(Map<String, String> overrides) {
        Map<String, String> props = OutboxTable.config();
        props.putAll(overrides);
        CommandEventEnvelope<SourceRecord> transform = new CommandEventEnvelope<>();
        transform.configure(props);
        transforms.add(transform);
        return transform;
    }

    private static Struct data(SourceRecord record) {
        return ((Struct) record.value()).getStruct(EventEnvelope.DATA);
    }
}
