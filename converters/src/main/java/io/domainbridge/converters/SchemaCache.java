package io.domainbridge.converters;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A bounded, thread-safe cache keyed by schemas (or schema ids and texts). A task sees the same schema instance record
 * after record, so the last key is checked by identity first and the usual record costs no hashing of the schema.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class SchemaCache<K, V> {

    private record Entry<K, V>(K key, V value) {}

    private final Map<K, V> values;
    private volatile Entry<K, V> last;

    public SchemaCache(int capacity) {
        this.values = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The value for a key, computed once while the key stays in the cache. */
    public V get(K key, Function<? super K, ? extends V> compute) {
        Entry<K, V> entry = last;
        if (entry != null && entry.key() == key) {
            return entry.value();
        }
        V value;
        synchronized (values) {
            value = values.get(key);
        }
        if (value == null) {
            value = compute.apply(key);
            synchronized (values) {
                V raced = values.putIfAbsent(key, value);
                value = raced == null ? value : raced;
            }
        }
        last = new Entry<>(key, value);
        return value;
    }

    public void clear() {
        synchronized (values) {
            values.clear();
        }
        last = null;
    }
}
