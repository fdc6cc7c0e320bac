package io.domainbridge.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import io.domainbridge.transforms.OutboxChangeEvents.Columns;
import io.domainbridge.transforms.OutboxChangeEvents.Input;
import io.domainbridge.transforms.OutboxChangeEvents.Placement;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An inferred array's element schema covers every element, so no later element loses a field or a digit. */
class InferredArraySchemaTest {

    private static final Columns COLUMNS = OutboxChangeEvents.COLUMN_SETS.get(0);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"items\":[{\"sku\":\"a\"},{\"sku\":\"b\",\"quantity\":2}]}",
                "{\"items\":[{},{\"quantity\":9}]}",
                "{\"items\":[null,{\"sku\":\"a\"},{\"quantity\":1}]}",
                "{\"items\":[[],[{\"sku\":\"a\"}]]}",
                "{\"items\":[1,0.25]}",
                "{\"items\":[{\"n\":1},{\"n\":0.5}]}"
            })
    void keepsEveryElementWhole(String payload) throws Exception {
        Input input = new Input("c", COLUMNS, "42", "package", "PackageRegistered", payload, Placement.HEADER);

        Struct envelope =
                (Struct) EventRouterDifferentialTest.viaEnvelope(input).value();

        Object expected = new com.fasterxml.jackson.databind.ObjectMapper().readValue(payload, Map.class);
        assertThat(ConnectValues.normalise(envelope.get("data"))).isEqualTo(ConnectValues.normalise(expected));
        assertThat(envelope.getStruct("data").getArray("items")).isInstanceOf(List.class);
    }
}
