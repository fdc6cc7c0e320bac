package io.domainbridge.transforms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Generated JSON outbox payloads: objects with strings, integers, decimals, booleans, nulls, nested objects and
 * arrays, among them arrays whose first element is an empty object or null (the element from which a schema
 * inferred from the first element would be wrong).
 */
final class JsonPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonPayloads() {}

    static Arbitrary<Map<String, Object>> objects() {
        return object(2);
    }

    static String text(Map<String, Object> payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Arbitrary<Map<String, Object>> object(int depth) {
        return Arbitraries.maps(Arbitraries.of("a", "b", "sku", "status", "weight", "items", "n"), value(depth))
                .ofMaxSize(4)
                .map(LinkedHashMap::new);
    }

    private static Arbitrary<Object> value(int depth) {
        List<Arbitrary<Object>> choices = new ArrayList<>(List.of(
                Arbitraries.strings().alpha().ofMaxLength(6).map(v -> (Object) v),
                Arbitraries.longs().between(-5_000_000_000L, 5_000_000_000L).map(v -> (Object) v),
                Arbitraries.of(0.5, -12.25, 1e-3).map(v -> (Object) v),
                Arbitraries.of(true, false).map(v -> (Object) v)));
        if (depth > 0) {
            choices.add(object(depth - 1).map(v -> (Object) v));
            choices.add(arrays(depth - 1).map(v -> (Object) v));
        }
        return Arbitraries.oneOf(choices);
    }

    /** Homogeneous arrays, possibly empty, possibly led by an empty object or a null. */
    private static Arbitrary<List<Object>> arrays(int depth) {
        Arbitrary<List<Object>> ofStrings = Arbitraries.strings()
                .alpha()
                .ofMaxLength(4)
                .map(v -> (Object) v)
                .list()
                .ofMaxSize(3);
        Arbitrary<List<Object>> ofLongs =
                Arbitraries.longs().between(0, 100).map(v -> (Object) v).list().ofMaxSize(3);
        Arbitrary<List<Object>> ofObjects = Arbitraries.maps(
                        Arbitraries.of("sku", "quantity"),
                        Arbitraries.integers().between(1, 9).map(v -> (Object) v))
                .ofMinSize(1)
                .map(m -> (Object) new LinkedHashMap<>(m))
                .list()
                .ofMinSize(1)
                .ofMaxSize(3);
        Arbitrary<List<Object>> led = Arbitraries.oneOf(ofObjects, ofStrings.filter(l -> !l.isEmpty()))
                .flatMap(rest -> Arbitraries.of(Collections.emptyMap(), (Object) null)
                        .map(first -> {
                            List<Object> list = new ArrayList<>(Arrays.asList(first));
                            list.addAll(rest);
                            return list;
                        }));
        Arbitrary<List<Object>> ofMixedNumbers = Arbitraries.of(7, 5_000_000_000L, 0.25)
                .map(v -> (Object) v)
                .list()
                .ofMinSize(1)
                .ofMaxSize(3);
        return Arbitraries.oneOf(ofStrings, ofLongs, ofObjects, led, ofMixedNumbers);
    }
}
