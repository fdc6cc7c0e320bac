package io.domainbridge.transforms.boundary;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.connect.data.Schema;

/**
 * A bounded cache of plans keyed by input schema. Debezium hands out one schema instance per table version, so the
 * last schema seen is checked by identity first and the usual record costs no hashing of the schema at all.
 */
final class PlanCache {

    private static final int MAX_SCHEMAS = 16;

    private record Entry(Schema schema, StructPlan plan) {}

    private final Map<Schema, StructPlan> plans = new LinkedHashMap<>(MAX_SCHEMAS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Schema, StructPlan> eldest) {
            return size() > MAX_SCHEMAS;
        }
    };
    private volatile Entry last;

    StructPlan get(Schema schema, Function<Schema, StructPlan> build) {
        Entry entry = last;
        if (entry != null && entry.schema() == schema) {
            return entry.plan();
        }
        StructPlan plan;
        synchronized (plans) {
            plan = plans.computeIfAbsent(schema, build);
        }
        last = new Entry(schema, plan);
        return plan;
    }

    void clear() {
        synchronized (plans) {
            plans.clear();
        }
        last = null;
    }
}
