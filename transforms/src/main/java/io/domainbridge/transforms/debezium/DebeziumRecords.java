package io.domainbridge.transforms.debezium;

import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;

/** Recognizes the records Debezium emits besides table rows. */
public final class DebeziumRecords {

    /** What a record is, as far as the boundary is concerned. */
    public enum Kind {
        /** A row or change event of some table, or a tombstone: the contract decides. */
        ROW,
        /** A heartbeat: carries only a timestamp and the connector name, passes unchanged. */
        HEARTBEAT,
        /** A schema change or transaction boundary: describes the whole source database, never leaves it. */
        DATABASE_METADATA
    }

    private static final String HEARTBEAT_TOPIC_PREFIX = "__debezium-heartbeat";
    private static final String HEARTBEAT_SCHEMA = "io.debezium.connector.common.Heartbeat";
    private static final String TRANSACTION_SCHEMA = "io.debezium.connector.common.TransactionMetadataValue";
    private static final String SCHEMA_CHANGE_SUFFIX = ".SchemaChangeValue";

    private DebeziumRecords() {}

    public static Kind kindOf(ConnectRecord<?> record) {
        String name = valueSchemaName(record.valueSchema());
        if (record.topic().startsWith(HEARTBEAT_TOPIC_PREFIX) || HEARTBEAT_SCHEMA.equals(name)) {
            return Kind.HEARTBEAT;
        }
        if (name != null && (TRANSACTION_SCHEMA.equals(name) || name.endsWith(SCHEMA_CHANGE_SUFFIX))) {
            return Kind.DATABASE_METADATA;
        }
        return Kind.ROW;
    }

    private static String valueSchemaName(Schema schema) {
        return schema == null ? null : schema.name();
    }
}
