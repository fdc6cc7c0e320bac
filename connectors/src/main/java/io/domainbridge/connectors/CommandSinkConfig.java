package io.domainbridge.connectors;

import io.domainbridge.connectors.sink.Dialect;
import io.domainbridge.connectors.sink.Mapping;
import io.domainbridge.connectors.sink.MappingParser;
import io.domainbridge.connectors.sink.UnmatchedBehavior;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** The configuration of {@link CommandSinkConnector}: connection, mappings, exactly-once tables and retries. */
public final class CommandSinkConfig extends AbstractConfig {

    public static final String CONNECTION_URL_CONFIG = "connection.url";
    private static final String CONNECTION_URL_DOC = "JDBC URL of the consumer domain's database:"
            + " jdbc:postgresql://... or jdbc:mariadb://... (also jdbc:mysql://); it selects the SQL dialect.";

    public static final String CONNECTION_USER_CONFIG = "connection.user";
    private static final String CONNECTION_USER_DOC = "Database user.";

    public static final String CONNECTION_PASSWORD_CONFIG = "connection.password";
    private static final String CONNECTION_PASSWORD_DOC = "Database password.";

    public static final String CONSUMER_NAME_CONFIG = "consumer.name";
    private static final String CONSUMER_NAME_DOC = "Name under which the inbox and offsets tables record what this"
            + " connector applied, at most 255 characters. Empty: the connector's name. Keep it when renaming the"
            + " connector, or the sink starts over from the consumer group's offsets.";

    public static final String MAPPINGS_CONFIG = "mappings";
    private static final String MAPPINGS_DOC = "Aliases of the mappings, in the order they are tried; each is"
            + " configured with 'mappings.<alias>.*' keys (see the mapping reference).";

    public static final String UNMATCHED_BEHAVIOR_CONFIG = "unmatched.behavior";
    private static final String UNMATCHED_BEHAVIOR_DOC = "Records that no mapping selects: 'fail' stops the task,"
            + " 'skip' passes over them (their offsets are still stored), 'dead-letter' reports them to the"
            + " connector's dead-letter queue (errors.tolerance=all and errors.deadletterqueue.topic.name).";

    public static final String INBOX_TABLE_CONFIG = "inbox.table";
    public static final String INBOX_TABLE_DEFAULT = "domainbridge_inbox";
    private static final String INBOX_TABLE_DOC = "Table of applied event ids (consumer, event_key, event_id,"
            + " applied_at), created if missing. A record whose id is in it, exactly and whole, is a duplicate and is"
            + " skipped.";

    public static final String OFFSETS_TABLE_CONFIG = "offsets.table";
    public static final String OFFSETS_TABLE_DEFAULT = "domainbridge_offsets";
    private static final String OFFSETS_TABLE_DOC = "Table of the next Kafka offset per topic partition"
            + " (consumer, topic, kafka_partition, next_offset, updated_at), written in the transaction that applies"
            + " the records and read when partitions are assigned. Created if missing.";

    public static final String BATCH_SIZE_CONFIG = "batch.size";
    private static final String BATCH_SIZE_DOC = "Most statements sent in one JDBC batch. Consecutive records of the"
            + " same mapping and operation share a batch.";

    public static final String MAX_RETRIES_CONFIG = "max.retries";
    private static final String MAX_RETRIES_DOC = "How often a batch is retried after a transient database error"
            + " (connection loss, serialization failure, deadlock, lock wait timeout) before the task fails.";

    public static final String RETRY_BACKOFF_MS_CONFIG = "retry.backoff.ms";
    private static final String RETRY_BACKOFF_MS_DOC = "Wait before a batch is retried after a transient error.";

    private static final String CONNECTION_GROUP = "Connection";
    private static final String MAPPING_GROUP = "Mappings";
    private static final String DELIVERY_GROUP = "Delivery";

    public static final ConfigDef CONFIG_DEF = config();

    private final Dialect dialect;
    private final List<Mapping> mappings;
    private final String consumerName;

    /** Parses and checks everything, including the alias-scoped mapping keys, which fail with a ConfigException. */
    public CommandSinkConfig(Map<String, String> originals) {
        super(CONFIG_DEF, originals);
        this.dialect = Dialect.fromUrl(getString(CONNECTION_URL_CONFIG));
        MappingParser parser = new MappingParser(originals, getList(MAPPINGS_CONFIG));
        if (!parser.errors().isEmpty()) {
            Map.Entry<String, String> first =
                    parser.errors().entrySet().iterator().next();
            throw new ConfigException(first.getKey(), originals.get(first.getKey()), first.getValue());
        }
        this.mappings = parser.mappings();
        String configured = getString(CONSUMER_NAME_CONFIG);
        this.consumerName = configured.isBlank() ? originals.getOrDefault("name", "command-sink") : configured;
        if (consumerName.codePointCount(0, consumerName.length()) > Dialect.CONSUMER_NAME_MAX_LENGTH) {
            throw new ConfigException(CONSUMER_NAME_CONFIG + ": the inbox and offsets tables hold at most "
                    + Dialect.CONSUMER_NAME_MAX_LENGTH + " characters (the connector's name is used when not set)");
        }
    }

    public static ConfigDef config() {
        ConfigDef def = new ConfigDef();
        addConnectionGroup(def);
        addMappingGroup(def);
        addDeliveryGroup(def);
        InboxRetentionKeys.addRetentionGroup(def);
        return def;
    }

    public String connectionUrl() {
        return getString(CONNECTION_URL_CONFIG);
    }

    public String user() {
        return getString(CONNECTION_USER_CONFIG);
    }

    public Password password() {
        return getPassword(CONNECTION_PASSWORD_CONFIG);
    }

    public Dialect dialect() {
        return dialect;
    }

    public List<Mapping> mappings() {
        return mappings;
    }

    public String consumerName() {
        return consumerName;
    }

    public UnmatchedBehavior unmatchedBehavior() {
        return UnmatchedBehavior.parse(getString(UNMATCHED_BEHAVIOR_CONFIG));
    }

    public String inboxTable() {
        return getString(INBOX_TABLE_CONFIG);
    }

    public String offsetsTable() {
        return getString(OFFSETS_TABLE_CONFIG);
    }

    public int batchSize() {
        return getInt(BATCH_SIZE_CONFIG);
    }

    /** Milliseconds after which inbox rows go; not positive when they are kept forever. */
    public long inboxRetentionMs() {
        return getLong(InboxRetentionKeys.INBOX_RETENTION_MS_CONFIG);
    }

    public int inboxRetentionBatchSize() {
        return getInt(InboxRetentionKeys.INBOX_RETENTION_BATCH_SIZE_CONFIG);
    }

    public long inboxRetentionIntervalMs() {
        return getLong(InboxRetentionKeys.INBOX_RETENTION_INTERVAL_MS_CONFIG);
    }

    public int maxRetries() {
        return getInt(MAX_RETRIES_CONFIG);
    }

    public Duration retryBackoff() {
        return Duration.ofMillis(getLong(RETRY_BACKOFF_MS_CONFIG));
    }

    private static void addConnectionGroup(ConfigDef def) {
        int order = 0;
        def.define(
                        CONNECTION_URL_CONFIG,
                        Type.STRING,
                        ConfigDef.NO_DEFAULT_VALUE,
                        SinkValidators.JDBC_URL,
                        Importance.HIGH,
                        CONNECTION_URL_DOC,
                        CONNECTION_GROUP,
                        ++order,
                        Width.LONG,
                        "JDBC URL")
                .define(
                        CONNECTION_USER_CONFIG,
                        Type.STRING,
                        null,
                        Importance.HIGH,
                        CONNECTION_USER_DOC,
                        CONNECTION_GROUP,
                        ++order,
                        Width.MEDIUM,
                        "User")
                .define(
                        CONNECTION_PASSWORD_CONFIG,
                        Type.PASSWORD,
                        null,
                        Importance.HIGH,
                        CONNECTION_PASSWORD_DOC,
                        CONNECTION_GROUP,
                        ++order,
                        Width.MEDIUM,
                        "Password");
    }

    private static void addMappingGroup(ConfigDef def) {
        int order = 0;
        def.define(
                        MAPPINGS_CONFIG,
                        Type.LIST,
                        ConfigDef.NO_DEFAULT_VALUE,
                        SinkValidators.ALIASES,
                        Importance.HIGH,
                        MAPPINGS_DOC,
                        MAPPING_GROUP,
                        ++order,
                        Width.LONG,
                        "Mappings")
                .define(
                        UNMATCHED_BEHAVIOR_CONFIG,
                        Type.STRING,
                        "fail",
                        SinkValidators.UNMATCHED,
                        Importance.MEDIUM,
                        UNMATCHED_BEHAVIOR_DOC,
                        MAPPING_GROUP,
                        ++order,
                        Width.SHORT,
                        "Unmatched records");
    }

    private static void addDeliveryGroup(ConfigDef def) {
        int order = 0;
        def.define(
                        CONSUMER_NAME_CONFIG,
                        Type.STRING,
                        "",
                        Importance.MEDIUM,
                        CONSUMER_NAME_DOC,
                        DELIVERY_GROUP,
                        ++order,
                        Width.MEDIUM,
                        "Consumer name")
                .define(
                        INBOX_TABLE_CONFIG,
                        Type.STRING,
                        INBOX_TABLE_DEFAULT,
                        SinkValidators.IDENTIFIER,
                        Importance.LOW,
                        INBOX_TABLE_DOC,
                        DELIVERY_GROUP,
                        ++order,
                        Width.MEDIUM,
                        "Inbox table")
                .define(
                        OFFSETS_TABLE_CONFIG,
                        Type.STRING,
                        OFFSETS_TABLE_DEFAULT,
                        SinkValidators.IDENTIFIER,
                        Importance.LOW,
                        OFFSETS_TABLE_DOC,
                        DELIVERY_GROUP,
                        ++order,
                        Width.MEDIUM,
                        "Offsets table")
                .define(
                        BATCH_SIZE_CONFIG,
                        Type.INT,
                        500,
                        ConfigDef.Range.between(1, 10_000),
                        Importance.MEDIUM,
                        BATCH_SIZE_DOC,
                        DELIVERY_GROUP,
                        ++order,
                        Width.SHORT,
                        "Batch size")
                .define(
                        MAX_RETRIES_CONFIG,
                        Type.INT,
                        10,
                        ConfigDef.Range.atLeast(0),
                        Importance.MEDIUM,
                        MAX_RETRIES_DOC,
                        DELIVERY_GROUP,
                        ++order,
                        Width.SHORT,
                        "Max retries")
                .define(
                        RETRY_BACKOFF_MS_CONFIG,
                        Type.LONG,
                        3000L,
                        ConfigDef.Range.atLeast(0),
                        Importance.LOW,
                        RETRY_BACKOFF_MS_DOC,
                        DELIVERY_GROUP,
                        ++order,
                        Width.SHORT,
                        "Retry backoff (ms)");
    }
}
