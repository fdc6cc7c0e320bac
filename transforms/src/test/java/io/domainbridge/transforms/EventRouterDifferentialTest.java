package io.domainbridge.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.debezium.transforms.outbox.EventRouter;
import io.domainbridge.transforms.OutboxChangeEvents.Input;
import io.domainbridge.transforms.OutboxChangeEvents.Placement;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Differential test against Debezium's outbox EventRouter (the peer's real code): the same generated change events
 * go through both transforms, configured to the same column names and routing, and each input's outcome (topic,
 * key, partition, data, drop or fail) must agree, or differ exactly as docs/migrating-from-eventrouter.md says.
 * The data of both is compared with the payload parsed by Jackson, brought to one form by {@link ConnectValues}.
 */
class EventRouterDifferentialTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Property(tries = 500)
    void agreesWithEventRouterOrDiffersAsDocumented(@ForAll("inputs") Input input) {
        if (!input.op().equals("c") && !input.op().equals("r")) {
            // Tombstones and deletes are dropped by both; updates are dropped with a warning by both defaults.
            assertThat(viaEventRouter(input)).as("EventRouter").isNull();
            assertThat(viaEnvelope(input)).as("CommandEventEnvelope").isNull();
            return;
        }
        if (input.payload() != null && JsonShapes.eventRouterLeavesUnexpanded(parse(input.payload()))) {
            assertUnexpandedByEventRouter(input);
        }
        if (input.payload() == null) {
            assertNullPayloadDifference(input, viaEventRouter(input));
        } else if (JsonShapes.hasArrayOfMixedKinds(parse(input.payload()))) {
            assertThatThrownBy(() -> viaEnvelope(input))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("does not match its inferred schema");
        } else if (!JsonShapes.eventRouterLeavesUnexpanded(parse(input.payload()))) {
            assertRoutedAlike(input, viaEventRouter(input), viaEnvelope(input));
        } else {
            assertThat(ConnectValues.normalise(((Struct) viaEnvelope(input).value()).get("data")))
                    .isEqualTo(ConnectValues.normalise(jsonValue(input.payload())));
        }
    }

    @Provide
    Arbitrary<Input> inputs() {
        return OutboxChangeEvents.inputs();
    }

    private static void assertRoutedAlike(Input input, SourceRecord router, SourceRecord ours) {
        assertThat(ours.topic()).isEqualTo(router.topic()).isEqualTo("logistics." + input.aggregateType() + ".events");
        // Difference "key type": EventRouter keeps the column's type, the envelope's key is always a string.
        assertThat(router.key()).isEqualTo(input.aggregateId());
        assertThat(ours.key()).isEqualTo(String.valueOf(input.aggregateId()));
        // Difference "partition": EventRouter can take it from a column, the envelope leaves it to the partitioner.
        assertThat(router.kafkaPartition())
                .isEqualTo(input.tenantPlacement() == Placement.PARTITION ? OutboxChangeEvents.SHARD : null);
        assertThat(ours.kafkaPartition()).isNull();
        Object expected = ConnectValues.normalise(jsonValue(input.payload()));
        assertThat(ConnectValues.normalise(((Struct) ours.value()).get("data"))).isEqualTo(expected);
        // Difference "empty arrays": EventRouter's expansion leaves out fields holding an empty array.
        assertThat(ConnectValues.normalise(routerPayload(input, router)))
                .isEqualTo(ConnectValues.withoutEmptyLists(expected));
        assertHeaders(input, router, ours);
    }

    /** Difference "headers and extra columns": EventRouter places extra columns, the envelope carries its own. */
    private static void assertHeaders(Input input, SourceRecord router, SourceRecord ours) {
        String eventId = input.row().getString(input.columns().eventId());
        assertThat(header(router, "id")).isEqualTo(eventId);
        assertThat(header(ours, "domainbridge.event.id")).isEqualTo(eventId);
        assertThat(header(ours, "domainbridge.event.type")).isEqualTo(input.eventType());
        assertThat(header(router, "tenant")).isEqualTo(input.tenantPlacement() == Placement.HEADER ? "acme" : null);
        assertThat(header(ours, "tenant")).isNull();
        Struct envelope = (Struct) ours.value();
        assertThat(envelope.schema().field("tenant")).isNull();
        assertThat(envelope.getString("id")).isEqualTo(eventId);
        assertThat(envelope.getString("type")).isEqualTo(input.eventType());
        assertThat(envelope.getString("aggregateid")).isEqualTo(String.valueOf(input.aggregateId()));
    }

    /** Difference "null payload": EventRouter routes an event without data, the envelope rejects the row. */
    private static void assertNullPayloadDifference(Input input, SourceRecord router) {
        assertThat(routerPayload(input, router)).isNull();
        assertThatThrownBy(() -> viaEnvelope(input))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("'" + input.columns().payload() + "'");
    }

    /**
     * Difference "unexpanded payload": where its inference gives up, EventRouter passes the JSON text on, or fails
     * when the payload is placed in an envelope struct of extra columns (whose payload field it typed as a struct).
     */
    private static void assertUnexpandedByEventRouter(Input input) {
        if (input.tenantPlacement() == Placement.ENVELOPE
                && JsonShapes.eventRouterConvertsWrongly(parse(input.payload()))) {
            assertThatThrownBy(() -> viaEventRouter(input)).isInstanceOf(DataException.class);
        } else {
            assertThat(routerPayload(input, viaEventRouter(input))).isEqualTo(input.payload());
        }
    }

    private static Object routerPayload(Input input, SourceRecord router) {
        return input.tenantPlacement() == Placement.ENVELOPE
                ? ((Struct) router.value()).get("payload")
                : router.value();
    }

    private static Object header(SourceRecord record, String key) {
        Header header = record.headers().lastWithName(key);
        return header == null ? null : header.value();
    }

    static SourceRecord viaEventRouter(Input input) {
        try (EventRouter<SourceRecord> router = new EventRouter<>()) {
            router.configure(OutboxChangeEvents.eventRouterConfig(input));
            return router.apply(input.record());
        }
    }

    static SourceRecord viaEnvelope(Input input) {
        try (CommandEventEnvelope<SourceRecord> envelope = new CommandEventEnvelope<>()) {
            envelope.configure(OutboxChangeEvents.envelopeConfig(input));
            return envelope.apply(input.record());
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object jsonValue(String json) {
        return JSON.convertValue(parse(json), Map.class);
    }
}
