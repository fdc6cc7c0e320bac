package io.domainbridge.transforms.boundary;

import io.domainbridge.events.ChangeEvents;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.header.Headers;

/**
 * Which headers of a record may leave the domain. Debezium's primary-key headers ({@code __debezium.oldkey},
 * {@code __debezium.newkey}) are filtered like the key. Every other header leaves only when it holds no row-shaped
 * data (its schema is absent or primitive and its value no struct, map or collection) and its name is known not to
 * carry a column: Debezium's context headers ({@code __debezium.context.*}), the metadata headers
 * {@code ExtractNewRecordState} adds for allowed envelope fields ({@code __op}, {@code __source_ts_ms}, ...), and the
 * names the contract allows. {@code __source_query}, {@code __before_*}, any other {@code __} header and any header the
 * contract does not name are dropped: a primitive header may hold a column's value as well as a struct may.
 */
public final class BoundaryHeaders {

    public static final String OLD_KEY_HEADER = "__debezium.oldkey";
    public static final String NEW_KEY_HEADER = "__debezium.newkey";

    private static final String RESERVED_PREFIX = "__";
    private static final String CONTEXT_PREFIX = "__debezium.context.";
    private static final Set<String> METADATA_HEADERS = metadataHeaders();

    private final String contractId;
    private final Set<String> replaced;
    private final Set<String> allowed;

    /**
     * @param contractId the contract whose marker the filtered key headers carry
     * @param replaced the headers the boundary stamps itself, removed from the input
     * @param allowed the names of other headers the contract lets leave
     */
    public BoundaryHeaders(String contractId, Set<String> replaced, Set<String> allowed) {
        this.contractId = contractId;
        this.replaced = Set.copyOf(replaced);
        this.allowed = Set.copyOf(allowed);
    }

    /** The headers that may leave with a record of the table; the input headers are not changed. */
    public Headers filter(Headers input, TableContract table) {
        Headers output = new ConnectHeaders();
        for (Header header : input) {
            String name = header.key();
            if (OLD_KEY_HEADER.equals(name) || NEW_KEY_HEADER.equals(name)) {
                addKey(output, header, table);
            } else if (!replaced.contains(name) && isAllowedName(name) && holdsNoRow(header)) {
                output.add(header);
            }
        }
        return output;
    }

    private void addKey(Headers output, Header header, TableContract table) {
        if (header.value() instanceof Struct key) {
            Struct filtered = table.filterKeyHeader(key, contractId);
            if (filtered != null) {
                output.add(header.key(), filtered, filtered.schema());
            }
        }
    }

    private boolean isAllowedName(String name) {
        if (name.startsWith(RESERVED_PREFIX)) {
            return name.startsWith(CONTEXT_PREFIX) || METADATA_HEADERS.contains(name);
        }
        return allowed.contains(name);
    }

    private static boolean holdsNoRow(Header header) {
        Schema schema = header.schema();
        Object value = header.value();
        return (schema == null || schema.type().isPrimitive())
                && !(value instanceof Struct || value instanceof Map || value instanceof Collection);
    }

    /**
     * The names {@code ExtractNewRecordState}'s {@code add.headers} gives allowed envelope fields with its default
     * prefix: {@code __op}, {@code __ts_ms}, {@code __source_<field>} and {@code __<field>} for source metadata, and
     * the transaction fields.
     */
    private static Set<String> metadataHeaders() {
        Set<String> names = new HashSet<>();
        for (String field : Set.of(ChangeEvents.OP, ChangeEvents.TS_MS, ChangeEvents.TS_US, ChangeEvents.TS_NS)) {
            names.add(RESERVED_PREFIX + field);
        }
        for (String field : ChangeEvents.SOURCE_METADATA_FIELDS) {
            names.add(RESERVED_PREFIX + field);
            names.add(RESERVED_PREFIX + ChangeEvents.SOURCE + "_" + field);
        }
        for (String field : ChangeEvents.TRANSACTION_FIELDS) {
            names.add(RESERVED_PREFIX + field);
            names.add(RESERVED_PREFIX + ChangeEvents.TRANSACTION + "_" + field);
        }
        return Set.copyOf(names);
    }
}
