package io.domainbridge.transforms.boundary;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.connect.data.Schema;

/**
 * A bounded cache of plans (or any other result worked out once per schema) keyed by input schema. Debezium hands out one schema instance per table version, so the
 * last schema seen is checked by identity first and the usual record costs no hashing of the schema at all.
 */
final class PlanCache<T> {

    private static final int MAX_SCHEMAS = 16;

    private record Entry<T>(Schema schema, T plan) {}

    private final Map<Schema, T> plans = new LinkedHashMap<>(MAX_SCHEMAS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Schema, T> eldest) {
            return size() > MAX_SCHEMAS;
        }
    };
    private volatile Entry<T> last;

    T get(Schema schema, Function<Schema, T> build) {
        Entry<T> entry = last;
        if (entry != null && entry.schema() == schema) {
            return entry.plan();
        }
        T plan;
        synchronized (plans) {
            plan = plans.computeIfAbsent(schema, build);
        }
        last = new Entry<>(schema, plan);
        return plan;
    }

    void clear() {
        synchronized (plans) {
            plans.clear();
        }
        last = null;
    }
}
