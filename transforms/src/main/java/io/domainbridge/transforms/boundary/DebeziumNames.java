package io.domainbridge.transforms.boundary;

import io.domainbridge.events.ChangeEvents.TableName;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.kafka.connect.data.Schema;

/**
 * Reads a table from the names Debezium gives topics ({@code prefix.schema.table}) and schemas
 * ({@code prefix.schema.table.Key}, {@code .Value}, {@code .Envelope}). Dots are legal in schema and table names, so
 * {@code prefix.public.x.y} may be table {@code x.y} of schema {@code public} as well as table {@code y} of schema
 * {@code x}: only a name of exactly three segments is read, any other is {@link #AMBIGUOUS}. Results are cached per
 * name (bounded).
 */
final class DebeziumNames {

    /** A Debezium name that does not tell one table: the record counts as belonging to no listed table. */
    static final TableName AMBIGUOUS = new TableName("", "");

    private static final int MAX_NAMES = 1024;
    private static final List<String> SCHEMA_SUFFIXES = List.of(".Key", ".Value", ".Envelope");
    private static final TableName NOT_NAMED = new TableName("", "?");

    private final Map<String, TableName> bySchemaName = new ConcurrentHashMap<>();
    private final Map<String, TableName> byTopic = new ConcurrentHashMap<>();

    /**
     * The table named by the record's schemas, else by its topic. When both schemas carry a Debezium name they must
     * agree; the topic is read only when neither does.
     */
    TableName tableOf(String topic, Schema keySchema, Schema valueSchema) {
        TableName fromValue = ofSchema(valueSchema);
        TableName fromKey = ofSchema(keySchema);
        if (fromValue == NOT_NAMED && fromKey == NOT_NAMED) {
            return topic == null ? AMBIGUOUS : cached(byTopic, topic, DebeziumNames::parse);
        }
        if (fromValue == NOT_NAMED || fromKey == NOT_NAMED || fromValue.equals(fromKey)) {
            return fromValue == NOT_NAMED ? fromKey : fromValue;
        }
        return AMBIGUOUS;
    }

    void clear() {
        bySchemaName.clear();
        byTopic.clear();
    }

    private TableName ofSchema(Schema schema) {
        String name = schema == null ? null : schema.name();
        return name == null ? NOT_NAMED : cached(bySchemaName, name, DebeziumNames::parseSchemaName);
    }

    private static TableName cached(Map<String, TableName> cache, String name, Function<String, TableName> parse) {
        TableName table = cache.get(name);
        if (table == null) {
            if (cache.size() >= MAX_NAMES) {
                cache.clear();
            }
            table = cache.computeIfAbsent(name, parse);
        }
        return table;
    }

    private static TableName parseSchemaName(String name) {
        for (String suffix : SCHEMA_SUFFIXES) {
            if (name.endsWith(suffix)) {
                return parse(name.substring(0, name.length() - suffix.length()));
            }
        }
        return NOT_NAMED;
    }

    /** {@code prefix.schema.table} with three non-empty segments, else ambiguous. */
    private static TableName parse(String name) {
        String[] segments = name.split("\\.", -1);
        if (segments.length != 3) {
            return AMBIGUOUS;
        }
        for (String segment : segments) {
            if (segment.isEmpty()) {
                return AMBIGUOUS;
            }
        }
        return new TableName(segments[1], segments[2]);
    }
}
