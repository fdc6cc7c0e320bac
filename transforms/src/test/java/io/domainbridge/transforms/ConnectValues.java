package io.domainbridge.transforms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/**
 * Brings Connect values of two differently inferred schemas to one comparable form: structs and maps become maps
 * without their null-valued fields (an absent optional field and a null one say the same), lists stay lists, and
 * numbers become decimals without trailing zeros (so an int32 1 and an int64 1 are equal, as in JSON).
 */
final class ConnectValues {

    private ConnectValues() {}

    static Object normalise(Object value) {
        if (value instanceof Struct struct) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Field field : struct.schema().fields()) {
                putUnlessNull(map, field.name(), struct.get(field));
            }
            return map;
        }
        if (value instanceof Map<?, ?> source) {
            Map<String, Object> map = new LinkedHashMap<>();
            source.forEach((k, v) -> putUnlessNull(map, String.valueOf(k), v));
            return map;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(element -> copy.add(normalise(element)));
            return copy;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros();
        }
        return value;
    }

    /** The normalised value without map entries holding an empty list, at any depth. */
    static Object withoutEmptyLists(Object normalised) {
        if (normalised instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (!(v instanceof List<?> list && list.isEmpty())) {
                    copy.put((String) k, withoutEmptyLists(v));
                }
            });
            return copy;
        }
        if (normalised instanceof List<?> list) {
            return list.stream().map(ConnectValues::withoutEmptyLists).toList();
        }
        return normalised;
    }

    private static void putUnlessNull(Map<String, Object> map, String name, Object value) {
        if (value != null) {
            map.put(name, normalise(value));
        }
    }
}
