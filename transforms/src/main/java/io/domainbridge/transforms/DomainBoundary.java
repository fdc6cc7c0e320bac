package io.domainbridge.transforms;

import io.domainbridge.events.ChangeEvents;
import io.domainbridge.events.ProjectVersion;
import io.domainbridge.transforms.DomainBoundaryConfig.PartialKeyBehavior;
import io.domainbridge.transforms.DomainBoundaryConfig.UnlistedTableBehavior;
import io.domainbridge.transforms.boundary.BoundaryHeaders;
import io.domainbridge.transforms.boundary.BoundaryMetrics;
import io.domainbridge.transforms.boundary.Contract;
import io.domainbridge.transforms.boundary.TableContract;
import io.domainbridge.transforms.debezium.DebeziumRecords;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.metrics.Monitorable;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.transforms.Transformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces what may leave a domain: only the tables and columns of a data contract pass, fail-closed.
 *
 * @param <R> the record type
 */
public abstract class DomainBoundary<R extends ConnectRecord<R>> implements Transformation<R>, Versioned, Monitorable {

    public static final String OVERVIEW_DOC = "Lets only the tables and columns of a data contract leave the domain."
            + " Works on Debezium change events (filtering before and after, keeping op, ts_ms and the metadata"
            + " fields of source), on flat rows and on schemaless maps; filters the key headers Debezium adds and"
            + " drops headers carrying row-shaped data. Columns not named in the contract are removed, including columns added"
            + " to the source later; shared columns can be masked, pseudonymized with a keyed HMAC, and renamed."
            + " Use <code>" + Key.class.getName() + "</code> for the record key and <code>" + Value.class.getName()
            + "</code> for the record value.";

    public static final String CONTRACT_ID_HEADER = "domainbridge.contract.id";
    public static final String CONTRACT_VERSION_HEADER = "domainbridge.contract.version";
    public static final String KEY_ID_HEADER = "domainbridge.pseudonym.key.id";

    public static final ConfigDef CONFIG_DEF = DomainBoundaryConfig.CONFIG_DEF;

    private static final Logger LOG = LoggerFactory.getLogger(DomainBoundary.class);

    private DomainBoundaryConfig config;
    private Contract contract;
    private UnlistedTableBehavior unlistedTableBehavior;
    private PartialKeyBehavior partialKeyBehavior;
    private BoundaryHeaders boundaryHeaders;
    private Header contractIdHeader;
    private Header contractVersionHeader;
    private Header keyIdHeader;
    private PluginMetrics pluginMetrics;
    private BoundaryMetrics metrics = BoundaryMetrics.NONE;

    @Override
    public void configure(Map<String, ?> props) {
        config = new DomainBoundaryConfig(props);
        contract = config.contract();
        unlistedTableBehavior = config.unlistedTableBehavior();
        partialKeyBehavior = config.partialKeyBehavior();
        boundaryHeaders = new BoundaryHeaders(
                config.contractId(),
                Set.of(CONTRACT_ID_HEADER, CONTRACT_VERSION_HEADER, KEY_ID_HEADER),
                config.headersAllowed());
        contractIdHeader = stringHeader(CONTRACT_ID_HEADER, config.contractId());
        contractVersionHeader = stringHeader(CONTRACT_VERSION_HEADER, config.contractVersion());
        keyIdHeader = stringHeader(KEY_ID_HEADER, config.pseudonymizeKeyId());
        // names and counts only: the key itself and where it was read from stay out of the log
        LOG.info(
                "DomainBoundary ({}) applies contract '{}' version '{}' to {}; unlisted tables: {}; keys with"
                        + " columns outside the contract: {}; pseudonymization key id: {}",
                part(),
                config.contractId(),
                config.contractVersion(),
                contract.summary(),
                unlistedTableBehavior,
                partialKeyBehavior,
                config.pseudonymizeKeyId() == null ? "none" : "'" + config.pseudonymizeKeyId() + "'");
        registerMetrics();
    }

    /** Called by a Kafka 4.1+ worker once configured; an older worker never calls it, and nothing is counted. */
    @Override
    public void withPluginMetrics(PluginMetrics metrics) {
        pluginMetrics = metrics;
        registerMetrics();
    }

    private void registerMetrics() {
        if (pluginMetrics != null && contract != null && metrics == BoundaryMetrics.NONE) {
            try {
                metrics = BoundaryMetrics.register(pluginMetrics, config.contractId(), contract);
            } catch (IllegalArgumentException e) {
                // a transformation of the same task and alias that has not yet let go of its metrics: count nothing
                metrics = BoundaryMetrics.NONE;
            }
        }
    }

    @Override
    public R apply(R record) {
        DebeziumRecords.Kind kind = DebeziumRecords.kindOf(record);
        if (kind == DebeziumRecords.Kind.HEARTBEAT) {
            return record;
        }
        if (kind == DebeziumRecords.Kind.DATABASE_METADATA) {
            return null;
        }
        TableContract table =
                contract.tableOf(record.topic(), record.keySchema(), record.valueSchema(), record.value());
        if (table == null) {
            metrics.unlisted(unlistedTableBehavior == UnlistedTableBehavior.DROP);
            return unlistedTable(record);
        }
        try {
            R filtered = filtered(record, table);
            metrics.passed(table);
            return filtered;
        } catch (DataException e) {
            metrics.failed(table);
            throw e;
        }
    }

    private R filtered(R record, TableContract table) {
        Object data = operatingValue(record);
        if (data == null) {
            return newRecord(record, nullValueSchema(operatingSchema(record), table), null, headers(record, table));
        }
        requireIdentifyingKey(data, table);
        if (data instanceof Struct struct) {
            Struct filtered = table.filter(struct);
            return newRecord(record, filtered.schema(), filtered, headers(record, table));
        }
        if (data instanceof Map<?, ?> map) {
            return newRecord(record, null, table.filter(map), headers(record, table));
        }
        throw new DataException(getClass().getName() + " expects a struct or a map in the " + part() + " of records"
                + " of table '" + table.name() + "', found " + data.getClass().getSimpleName());
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public String version() {
        return ProjectVersion.get();
    }

    @Override
    public void close() {
        if (contract != null) {
            contract.clearCaches();
        }
    }

    protected abstract Schema operatingSchema(R record);

    protected abstract Object operatingValue(R record);

    protected abstract R newRecord(R record, Schema updatedSchema, Object updatedValue, Headers headers);

    /**
     * A key must still identify its row once out: with no shared column every record of the table would get the same
     * key, and with some key columns withheld or masked distinct rows would share one, collapsing partitioning and
     * compaction. The first always fails; the second unless {@code partial.key.behavior=allow}.
     */
    private void requireIdentifyingKey(Object key, TableContract table) {
        if (!"key".equals(part()) || ChangeEvents.isChangeEvent(key)) {
            return;
        }
        if (key instanceof Struct struct) {
            requireIdentifyingColumns(
                    table.unidentifyingKeyColumns(struct.schema()),
                    struct.schema().fields().size(),
                    table);
        } else if (key instanceof Map<?, ?> map) {
            requireIdentifyingColumns(table.unidentifyingKeyColumns(map), map.size(), table);
        }
    }

    private void requireIdentifyingColumns(List<String> columns, int keyColumns, TableContract table) {
        if (columns.size() == keyColumns) {
            throw new DataException("Contract '" + config.contractId() + "' shares no key column of table '"
                    + table.name() + "': list at least one in " + DomainBoundaryConfig.COLUMNS_CONFIG + " or "
                    + DomainBoundaryConfig.PSEUDONYMIZE_COLUMNS_CONFIG);
        }
        if (!columns.isEmpty() && partialKeyBehavior == PartialKeyBehavior.FAIL) {
            throw new DataException("Contract '" + config.contractId() + "' withholds or masks key columns " + columns
                    + " of table '" + table.name() + "': the key would no longer identify the row. Share them in "
                    + DomainBoundaryConfig.COLUMNS_CONFIG + " or " + DomainBoundaryConfig.PSEUDONYMIZE_COLUMNS_CONFIG
                    + ", or set " + DomainBoundaryConfig.PARTIAL_KEY_BEHAVIOR_CONFIG + "=allow");
        }
    }

    /** "key" or "value", for error messages. */
    protected abstract String part();

    /** Even without a value, a struct schema would name the table's columns: it is filtered too. */
    private static Schema nullValueSchema(Schema schema, TableContract table) {
        return schema != null && schema.type() == Schema.Type.STRUCT ? table.outputSchema(schema) : schema;
    }

    private R unlistedTable(R record) {
        if (unlistedTableBehavior == UnlistedTableBehavior.DROP) {
            return null;
        }
        throw new DataException("Record from topic '" + record.topic() + "' belongs to a table that contract '"
                + config.contractId() + "' does not list");
    }

    /** The headers that may leave (see {@link BoundaryHeaders}), then the contract's own. */
    private Headers headers(R record, TableContract table) {
        Headers headers = boundaryHeaders.filter(record.headers(), table);
        headers.add(contractIdHeader).add(contractVersionHeader);
        if (table.pseudonymizes()) {
            headers.add(keyIdHeader);
        }
        return headers;
    }

    /** The header {@link Headers#addString} adds; headers are immutable, so one instance serves every record. */
    private static Header stringHeader(String key, String value) {
        return new ConnectHeaders().addString(key, value).lastWithName(key);
    }

    /** Applies the contract to the record key, e.g. the primary-key struct of a Debezium record. */
    public static final class Key<R extends ConnectRecord<R>> extends DomainBoundary<R> {

        @Override
        protected Schema operatingSchema(R record) {
            return record.keySchema();
        }

        @Override
        protected Object operatingValue(R record) {
            return record.key();
        }

        @Override
        protected R newRecord(R record, Schema updatedSchema, Object updatedValue, Headers headers) {
            return record.newRecord(
                    record.topic(),
                    record.kafkaPartition(),
                    updatedSchema,
                    updatedValue,
                    record.valueSchema(),
                    record.value(),
                    record.timestamp(),
                    headers);
        }

        @Override
        protected String part() {
            return "key";
        }
    }

    /** Applies the contract to the record value: a Debezium change event or a flat row. */
    public static final class Value<R extends ConnectRecord<R>> extends DomainBoundary<R> {

        @Override
        protected Schema operatingSchema(R record) {
            return record.valueSchema();
        }

        @Override
        protected Object operatingValue(R record) {
            return record.value();
        }

        @Override
        protected R newRecord(R record, Schema updatedSchema, Object updatedValue, Headers headers) {
            return record.newRecord(
                    record.topic(),
                    record.kafkaPartition(),
                    record.keySchema(),
                    record.key(),
                    updatedSchema,
                    updatedValue,
                    record.timestamp(),
                    headers);
        }

        @Override
        protected String part() {
            return "value";
        }
    }
}
