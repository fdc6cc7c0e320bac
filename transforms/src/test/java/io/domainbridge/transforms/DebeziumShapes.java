package io.domainbridge.transforms;

import io.domainbridge.transforms.CdcArbitraries.Kind;
import io.domainbridge.transforms.CdcWorld.Connector;
import io.domainbridge.transforms.CdcWorld.Table;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Test fixture: the schemas of Debezium 3.6's envelope, {@code source} blocks (PostgreSQL and MariaDB, with the
 * optional {@code query} of {@code include.query}), transaction block and logical decoding messages.
 */
final class DebeziumShapes {

    static final Schema SNAPSHOT_SCHEMA = SchemaBuilder.string()
            .optional()
            .name("io.debezium.data.Enum")
            .version(1)
            .parameter("allowed", "true,first,first_in_data_collection,last_in_data_collection,last,false")
            .defaultValue("false")
            .build();

    static final Schema POSTGRESQL_SOURCE = common(Connector.POSTGRESQL)
            .field("schema", Schema.STRING_SCHEMA)
            .field("table", Schema.STRING_SCHEMA)
            .field("txId", Schema.OPTIONAL_INT64_SCHEMA)
            .field("lsn", Schema.OPTIONAL_INT64_SCHEMA)
            .field("xmin", Schema.OPTIONAL_INT64_SCHEMA)
            .field("query", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    static final Schema MARIADB_SOURCE = common(Connector.MARIADB)
            .field("table", Schema.OPTIONAL_STRING_SCHEMA)
            .field("server_id", Schema.INT64_SCHEMA)
            .field("gtid", Schema.OPTIONAL_STRING_SCHEMA)
            .field("file", Schema.STRING_SCHEMA)
            .field("pos", Schema.INT64_SCHEMA)
            .field("row", Schema.INT32_SCHEMA)
            .field("thread", Schema.OPTIONAL_INT64_SCHEMA)
            .field("query", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    static final Schema TRANSACTION = SchemaBuilder.struct()
            .name("event.block")
            .version(1)
            .optional()
            .field("id", Schema.STRING_SCHEMA)
            .field("total_order", Schema.INT64_SCHEMA)
            .field("data_collection_order", Schema.INT64_SCHEMA)
            .build();

    static final Schema MESSAGE_KEY = SchemaBuilder.struct()
            .name("io.debezium.connector.postgresql.MessageKey")
            .field("prefix", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    static final Schema MESSAGE = SchemaBuilder.struct()
            .name("io.debezium.connector.postgresql.Message")
            .field("prefix", Schema.OPTIONAL_STRING_SCHEMA)
            .field("content", Schema.OPTIONAL_BYTES_SCHEMA)
            .build();

    static final Schema MESSAGE_VALUE = SchemaBuilder.struct()
            .name("io.debezium.connector.postgresql.MessageValue")
            .field("op", Schema.STRING_SCHEMA)
            .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA)
            .field("source", POSTGRESQL_SOURCE)
            .field("message", MESSAGE)
            .build();

    private DebeziumShapes() {}

    static Schema envelopeSchema(String topic, Schema row, Connector connector) {
        return SchemaBuilder.struct()
                .name(topic + ".Envelope")
                .version(2)
                .field("before", row)
                .field("after", row)
                .field("source", sourceSchema(connector))
                .field("transaction", TRANSACTION)
                .field("op", Schema.STRING_SCHEMA)
                .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA)
                .field("ts_us", Schema.OPTIONAL_INT64_SCHEMA)
                .field("ts_ns", Schema.OPTIONAL_INT64_SCHEMA)
                .build();
    }

    static String op(Kind kind) {
        return switch (kind) {
            case CREATE -> "c";
            case READ -> "r";
            case UPDATE -> "u";
            case DELETE, TOMBSTONE -> "d";
            case TRUNCATE -> "t";
            case MESSAGE -> "m";
        };
    }

    static Struct source(String prefix, Table table, Kind kind, String query) {
        boolean postgres = table.connector() == Connector.POSTGRESQL;
        Struct source = new Struct(sourceSchema(table.connector()))
                .put("version", "3.6.1.Final")
                .put("connector", table.connector().connectorName)
                .put("name", prefix)
                .put("ts_ms", 1_767_225_600_000L)
                .put("snapshot", kind == Kind.READ ? "true" : "false")
                .put("db", postgres ? "shop" : table.schema())
                .put("ts_us", 1_767_225_600_000_000L)
                .put("ts_ns", 1_767_225_600_000_000_000L)
                .put("table", table.name())
                .put("query", query);
        if (postgres) {
            return source.put("schema", table.schema()).put("txId", 771L).put("lsn", 24_023_128L);
        }
        return source.put("server_id", 1L)
                .put("file", "mysql-bin.000003")
                .put("pos", 154L)
                .put("row", 0);
    }

    static Struct transaction() {
        return new Struct(TRANSACTION)
                .put("id", "771:24023128")
                .put("total_order", 1L)
                .put("data_collection_order", 1L);
    }

    /** A message of {@code pg_logical_emit_message}: its source names no table. */
    static SourceRecord message(String prefix, byte[] content, long timestamp) {
        Struct source = new Struct(POSTGRESQL_SOURCE)
                .put("version", "3.6.1.Final")
                .put("connector", "postgresql")
                .put("name", prefix)
                .put("ts_ms", timestamp)
                .put("db", "shop")
                .put("schema", "")
                .put("table", "")
                .put("lsn", 24_023_128L);
        Struct value = new Struct(MESSAGE_VALUE)
                .put("op", "m")
                .put("ts_ms", timestamp)
                .put("source", source)
                .put("message", new Struct(MESSAGE).put("prefix", "audit").put("content", content));
        Struct key = new Struct(MESSAGE_KEY).put("prefix", "audit");
        return new SourceRecord(
                Map.of(), Map.of(), prefix + ".message", 0, MESSAGE_KEY, key, MESSAGE_VALUE, value, timestamp);
    }

    private static Schema sourceSchema(Connector connector) {
        return connector == Connector.POSTGRESQL ? POSTGRESQL_SOURCE : MARIADB_SOURCE;
    }

    private static SchemaBuilder common(Connector connector) {
        return SchemaBuilder.struct()
                .name(connector.sourceSchemaName)
                .field("version", Schema.STRING_SCHEMA)
                .field("connector", Schema.STRING_SCHEMA)
                .field("name", Schema.STRING_SCHEMA)
                .field("ts_ms", Schema.INT64_SCHEMA)
                .field("snapshot", SNAPSHOT_SCHEMA)
                .field("db", Schema.STRING_SCHEMA)
                .field("sequence", Schema.OPTIONAL_STRING_SCHEMA)
                .field("ts_us", Schema.OPTIONAL_INT64_SCHEMA)
                .field("ts_ns", Schema.OPTIONAL_INT64_SCHEMA);
    }
}
