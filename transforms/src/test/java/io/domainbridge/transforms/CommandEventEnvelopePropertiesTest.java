package io.domainbridge.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domainbridge.events.EventEnvelope;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * For random declared data schemas and random payloads that conform to them, the envelope's data holds exactly the
 * generated values; without one required field, the payload is rejected naming exactly that field.
 */
class CommandEventEnvelopePropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAMED_FIELD = Pattern.compile("field '([^']*)'");

    enum Type {
        STRING("string"),
        INT32("int32"),
        INT64("int64"),
        FLOAT64("float64"),
        BOOLEAN("boolean"),
        DECIMAL("decimal(10,2)"),
        DATE("date"),
        TIMESTAMP("timestamp"),
        STRUCT(null);

        final String declared;

        Type(String declared) {
            this.declared = declared;
        }
    }

    /** A declared field; {@code nested} holds the fields of a STRUCT. */
    record FieldSpec(String name, Type type, boolean optional, List<FieldSpec> nested) {

        String declaration() {
            String type = this.type == Type.STRUCT
                    ? nested.stream().map(FieldSpec::declaration).collect(Collectors.joining(", ", "{", "}"))
                    : this.type.declared;
            return name + ":" + type + (optional ? "?" : "");
        }
    }

    record EventSpec(String type, Integer version, List<FieldSpec> fields) {

        String declaration() {
            return type
                    + (version == null ? "" : "@" + version)
                    + fields.stream().map(FieldSpec::declaration).collect(Collectors.joining(", ", "{", "}"));
        }

        /** The paths of every required field that is reachable in a payload, e.g. {@code address.city}. */
        List<String> requiredPaths(Map<String, Object> payload) {
            List<String> paths = new ArrayList<>();
            collectRequired(fields, payload, "", paths);
            return paths;
        }

        @SuppressWarnings("unchecked")
        private static void collectRequired(
                List<FieldSpec> fields, Map<String, Object> values, String prefix, List<String> paths) {
            for (FieldSpec field : fields) {
                if (!field.optional()) {
                    paths.add(prefix + field.name());
                }
                if (field.type() == Type.STRUCT && values.get(field.name()) instanceof Map<?, ?> nested) {
                    collectRequired(field.nested(), (Map<String, Object>) nested, prefix + field.name() + ".", paths);
                }
            }
        }
    }

    /** A JSON value to write into the payload and the Connect value the data must then hold. */
    record Value(Object json, Object expected) {}

    /** A generated payload: JSON values by field, in declaration order; an absent field is not in the map. */
    record Case(EventSpec event, Map<String, Object> json, Map<String, Object> expected) {}

    @Property(tries = 200)
    void dataHoldsTheGeneratedValues(@ForAll("cases") Case example) throws JsonProcessingException {
        SourceRecord output = apply(example.event(), JSON.writeValueAsString(example.json()));

        Struct data = ((Struct) output.value()).getStruct(EventEnvelope.DATA);
        data.validate();
        assertMatches(data, example.event().fields(), example.expected(), "");
        assertThat(data.schema())
                .isSameAs(output.valueSchema().field(EventEnvelope.DATA).schema());
    }

    @Property(tries = 200)
    void missingRequiredFieldIsNamed(@ForAll("casesWithRequiredFields") Case example, @ForAll long seed)
            throws JsonProcessingException {
        List<String> required = example.event().requiredPaths(example.json());
        String removed = required.get(Math.floorMod(seed, required.size()));
        Map<String, Object> payload = without(example.json(), removed);

        String text = JSON.writeValueAsString(payload);
        assertThatThrownBy(() -> apply(example.event(), text))
                .isInstanceOf(DataException.class)
                .hasMessageContaining(example.event().type())
                .satisfies(e -> assertThat(namedField(e.getMessage())).isEqualTo(removed));
    }

    @Provide
    Arbitrary<Case> cases() {
        return events().flatMap(event ->
                payload(event.fields()).map(values -> new Case(event, json(values), expected(values))));
    }

    @Provide
    Arbitrary<Case> casesWithRequiredFields() {
        return cases().filter(example ->
                !example.event().requiredPaths(example.json()).isEmpty());
    }

    private static SourceRecord apply(EventSpec event, String payload) {
        Map<String, String> props = OutboxTable.config();
        props.put("data.schemas", event.declaration());
        CommandEventEnvelope<SourceRecord> transform = new CommandEventEnvelope<>();
        try {
            transform.configure(props);
            Integer version = event.version() == null ? 7 : event.version();
            return transform.apply(OutboxTable.event(
                    "c", OutboxTable.row().type(event.type(), version).payload(payload)));
        } finally {
            transform.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertMatches(Struct data, List<FieldSpec> fields, Map<String, Object> expected, String path) {
        assertThat(data.schema().fields()).hasSameSizeAs(fields);
        for (FieldSpec field : fields) {
            Object actual = data.get(field.name());
            Object wanted = expected.get(field.name());
            if (field.type() == Type.STRUCT && wanted != null) {
                assertThat(actual).as(path + field.name()).isInstanceOf(Struct.class);
                assertMatches((Struct) actual, field.nested(), (Map<String, Object>) wanted, path + field.name() + ".");
            } else {
                assertThat(actual).as(path + field.name()).isEqualTo(wanted);
            }
        }
    }

    private static String namedField(String message) {
        Matcher matcher = NAMED_FIELD.matcher(message);
        assertThat(matcher.find()).as(message).isTrue();
        String field = matcher.group(1);
        assertThat(matcher.find()).as("names one field: " + message).isFalse();
        return field;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> without(Map<String, Object> payload, String path) {
        Map<String, Object> copy = new LinkedHashMap<>(payload);
        int dot = path.indexOf('.');
        if (dot < 0) {
            copy.remove(path);
        } else {
            String head = path.substring(0, dot);
            copy.put(head, without((Map<String, Object>) copy.get(head), path.substring(dot + 1)));
        }
        return copy;
    }

    // --- generators ---

    private static Arbitrary<EventSpec> events() {
        Arbitrary<String> type = Arbitraries.strings()
                .withCharRange('A', 'Z')
                .ofLength(1)
                .flatMap(first -> identifiers().map(rest -> first + rest));
        Arbitrary<Integer> version = Arbitraries.integers().between(1, 9).injectNull(0.4);
        return Combinators.combine(type, version, fields(true, 6)).as(EventSpec::new);
    }

    private static Arbitrary<String> identifiers() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .withCharRange('A', 'Z')
                .withCharRange('0', '9')
                .withChars('_')
                .ofMinLength(1)
                .ofMaxLength(10);
    }

    private static Arbitrary<List<FieldSpec>> fields(boolean allowNested, int max) {
        Arbitrary<Type> types = allowNested
                ? Arbitraries.frequencyOf(
                        Tuple.of(8, Arbitraries.of(Type.values()).filter(t -> t != Type.STRUCT)),
                        Tuple.of(1, Arbitraries.just(Type.STRUCT)))
                : Arbitraries.of(Type.values()).filter(t -> t != Type.STRUCT);
        Arbitrary<FieldSpec> field = Combinators.combine(identifiers(), types, Arbitraries.of(true, false))
                .flatAs((name, type, optional) -> type == Type.STRUCT
                        ? fields(false, 4).map(nested -> new FieldSpec(name, type, optional, nested))
                        : Arbitraries.just(new FieldSpec(name, type, optional, List.of())));
        return field.list().ofMinSize(1).ofMaxSize(max).uniqueElements(FieldSpec::name);
    }

    /** Per field: a value, or null for an optional field written as JSON null, or absent (missing from the map). */
    private static Arbitrary<Map<String, Value>> payload(List<FieldSpec> fields) {
        Arbitrary<Map<String, Value>> values = Arbitraries.just(new LinkedHashMap<>());
        for (FieldSpec field : fields) {
            Arbitrary<Value> value = value(field);
            Arbitrary<Integer> presence =
                    field.optional() ? Arbitraries.integers().between(0, 3) : Arbitraries.just(0);
            values = values.flatMap(map -> Combinators.combine(value, presence).as((v, p) -> {
                Map<String, Value> next = new LinkedHashMap<>(map);
                if (p == 2) {
                    next.put(field.name(), new Value(null, null));
                } else if (p != 3) {
                    next.put(field.name(), v);
                }
                return next;
            }));
        }
        return values;
    }

    private static Arbitrary<Value> value(FieldSpec field) {
        return switch (field.type()) {
            case STRING -> Arbitraries.strings().ofMaxLength(20).map(s -> new Value(s, s));
            case INT32 -> Arbitraries.integers().map(i -> new Value(i, i));
            case INT64 -> Arbitraries.longs().map(l -> new Value(l, l));
            case FLOAT64 -> Arbitraries.doubles().map(d -> new Value(d, d));
            case BOOLEAN -> Arbitraries.of(true, false).map(b -> new Value(b, b));
            case DECIMAL -> Combinators.combine(
                            Arbitraries.longs().between(-9_999_999_999L, 9_999_999_999L), Arbitraries.of(true, false))
                    .as((unscaled, asText) -> {
                        BigDecimal decimal = BigDecimal.valueOf(unscaled, 2);
                        return new Value(asText ? decimal.toPlainString() : decimal, decimal);
                    });
            case DATE -> Arbitraries.integers()
                    .between(-25_000, 50_000)
                    .map(days -> LocalDate.ofEpochDay(days))
                    .map(date -> new Value(
                            date.toString(),
                            Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant())));
            case TIMESTAMP -> Combinators.combine(
                            Arbitraries.longs().between(-2_000_000_000_000L, 4_000_000_000_000L),
                            Arbitraries.of(true, false))
                    .as((millis, asText) ->
                            new Value(asText ? Instant.ofEpochMilli(millis).toString() : millis, new Date(millis)));
            case STRUCT -> payload(field.nested()).map(nested -> new Value(json(nested), nested));
        };
    }

    private static Map<String, Object> json(Map<String, Value> values) {
        Map<String, Object> json = new LinkedHashMap<>();
        values.forEach((name, value) -> json.put(name, value.json()));
        return json;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> expected(Map<String, Value> values) {
        Map<String, Object> expected = new LinkedHashMap<>();
        values.forEach((name, value) -> expected.put(
                name,
                value.expected() instanceof Map<?, ?> nested
                        ? expected((Map<String, Value>) nested)
                        : value.expected()));
        return expected;
    }
}
