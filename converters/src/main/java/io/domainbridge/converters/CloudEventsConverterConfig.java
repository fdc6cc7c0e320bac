package io.domainbridge.converters;

import io.domainbridge.converters.avro.SchemaRegistryClient;
import io.domainbridge.converters.avro.SubjectNameStrategy;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.connect.storage.ConverterConfig;

/** The configuration of {@link CloudEventsConverter}, in the shape of Kafka's {@code StringConverterConfig}. */
public final class CloudEventsConverterConfig extends ConverterConfig {

    public static final String MODE_CONFIG = "cloudevents.mode";
    public static final String MODE_DEFAULT = ContentMode.BINARY.toString();
    private static final String MODE_DOC = "How events are written, by the CloudEvents Kafka protocol binding:"
            + " 'binary' puts every attribute in a ce_ header and the data in the record value; 'structured' writes"
            + " one JSON event format document (content-type application/cloudevents+json). Reading accepts both.";
    private static final String MODE_DISPLAY = "Content mode";

    public static final String DATA_ENCODING_CONFIG = "data.encoding";
    public static final String DATA_ENCODING_DEFAULT = DataEncoding.JSON.toString();
    private static final String DATA_ENCODING_DOC = "How the event's data (and any record that is not an event) is"
            + " encoded: 'json' (application/json) or 'avro' (application/avro; with schema.registry.url in the"
            + " Confluent wire format, otherwise as Avro single-object encoding with the schemas of avro.schemas)."
            + " Reading accepts either, by the record's content type.";
    private static final String DATA_ENCODING_DISPLAY = "Data encoding";

    public static final String JSON_SCHEMAS_ENABLE_CONFIG = "json.schemas.enable";
    public static final boolean JSON_SCHEMAS_ENABLE_DEFAULT = true;
    private static final String JSON_SCHEMAS_ENABLE_DOC = "Whether JSON data travels with its Connect schema in the"
            + " header 'domainbridge.data.schema' ('domainbridge.key.schema' for keys), so the converter reads back"
            + " exactly the schema it wrote. Without"
            + " it, data is read with a schema inferred from the JSON (events) or schemaless (other records).";
    private static final String JSON_SCHEMAS_ENABLE_DISPLAY = "JSON schemas";

    public static final String SCHEMA_REGISTRY_URL_CONFIG = "schema.registry.url";
    private static final String SCHEMA_REGISTRY_URL_DOC = "URL of a Confluent-compatible schema registry. When set,"
            + " Avro data is written in the Confluent wire format (magic byte 0, 4-byte schema id) and the event's"
            + " dataschema attribute names the schema at the registry.";
    private static final String SCHEMA_REGISTRY_URL_DISPLAY = "Schema registry URL";

    public static final String SCHEMA_REGISTRY_USER_INFO_CONFIG = "schema.registry.basic.auth.user.info";
    private static final String SCHEMA_REGISTRY_USER_INFO_DOC = "user:password for HTTP basic authentication at the"
            + " schema registry; supply it through a ConfigProvider.";
    private static final String SCHEMA_REGISTRY_USER_INFO_DISPLAY = "Schema registry credentials";

    public static final String SUBJECT_STRATEGY_CONFIG = "schema.registry.subject.strategy";
    public static final String SUBJECT_STRATEGY_DEFAULT = SubjectNameStrategy.TOPIC.toString();
    private static final String SUBJECT_STRATEGY_DOC = "The subject schemas are registered under: 'topic'"
            + " (<topic>-value, or -key), 'type' (the event's CloudEvents type; the Avro record name for records that"
            + " are not events) or 'topic-type' (<topic>-<type>).";
    private static final String SUBJECT_STRATEGY_DISPLAY = "Subject name strategy";

    public static final String REGISTRY_TIMEOUT_MS_CONFIG = "schema.registry.request.timeout.ms";
    public static final int REGISTRY_TIMEOUT_MS_DEFAULT = 10_000;
    private static final String REGISTRY_TIMEOUT_MS_DOC = "Timeout of one request to the schema registry.";
    private static final String REGISTRY_TIMEOUT_MS_DISPLAY = "Registry request timeout (ms)";

    public static final String REGISTRY_RETRIES_CONFIG = "schema.registry.retries";
    public static final int REGISTRY_RETRIES_DEFAULT = 3;
    private static final String REGISTRY_RETRIES_DOC = "How often a request that failed for a transient reason"
            + " (connection error, timeout, HTTP 5xx, 408 or 429) is retried before the record fails with a retriable"
            + " error naming the registry.";
    private static final String REGISTRY_RETRIES_DISPLAY = "Registry retries";

    public static final String REGISTRY_BACKOFF_MS_CONFIG = "schema.registry.retry.backoff.ms";
    public static final int REGISTRY_BACKOFF_MS_DEFAULT = 200;
    private static final String REGISTRY_BACKOFF_MS_DOC = "Wait before the first retry; it doubles for each next one.";
    private static final String REGISTRY_BACKOFF_MS_DISPLAY = "Registry retry backoff (ms)";

    public static final String AVRO_SCHEMAS_CONFIG = "avro.schemas";
    private static final String AVRO_SCHEMAS_DOC = "Avro schemas for single-object encoding (avro without"
            + " schema.registry.url): one schema or a JSON array of schemas, each complete in itself. Writing fails for"
            + " data whose schema is"
            + " not listed (the error shows the schema to add); reading finds the writer's schema by its"
            + " fingerprint. Supply it through a ConfigProvider, e.g. ${file:/etc/kafka-connect/events.avsc:schemas}.";
    private static final String AVRO_SCHEMAS_DISPLAY = "Avro schemas";

    public static final String PASSTHROUGH_CONVERTER_CONFIG = "passthrough.converter";
    public static final String PASSTHROUGH_PREFIX = "passthrough.";
    private static final String PASSTHROUGH_CONVERTER_DOC = "Converter for records that are not event envelopes"
            + " (e.g. replicated rows), configured with the properties prefixed 'passthrough.'. Empty: such records"
            + " are written in data.encoding without CloudEvents attributes.";
    private static final String PASSTHROUGH_CONVERTER_DISPLAY = "Passthrough converter";

    private static final String EVENTS_GROUP = "CloudEvents";
    private static final String REGISTRY_GROUP = "Avro";
    private static final String PASSTHROUGH_GROUP = "Passthrough";

    public static final ConfigDef CONFIG_DEF = configDef();

    public CloudEventsConverterConfig(Map<String, ?> originals) {
        super(CONFIG_DEF, originals);
    }

    public static ConfigDef configDef() {
        ConfigDef def = ConverterConfig.newConfigDef();
        addEventsGroup(def);
        addRegistryGroup(def);
        addRegistryClientGroup(def);
        addSingleObjectGroup(def);
        addPassthroughGroup(def);
        return def;
    }

    public ContentMode mode() {
        return ContentMode.valueOf(getString(MODE_CONFIG).toUpperCase(Locale.ROOT));
    }

    public DataEncoding dataEncoding() {
        return DataEncoding.valueOf(getString(DATA_ENCODING_CONFIG).toUpperCase(Locale.ROOT));
    }

    public boolean jsonSchemasEnabled() {
        return getBoolean(JSON_SCHEMAS_ENABLE_CONFIG);
    }

    /** The registry client, or {@code null} without a registry URL. */
    public SchemaRegistryClient schemaRegistry() {
        String url = getString(SCHEMA_REGISTRY_URL_CONFIG);
        if (url == null || url.isBlank()) {
            return null;
        }
        Password userInfo = getPassword(SCHEMA_REGISTRY_USER_INFO_CONFIG);
        SchemaRegistryClient.Settings settings = new SchemaRegistryClient.Settings(
                Duration.ofMillis(getInt(REGISTRY_TIMEOUT_MS_CONFIG)),
                getInt(REGISTRY_RETRIES_CONFIG),
                Duration.ofMillis(getInt(REGISTRY_BACKOFF_MS_CONFIG)));
        return new SchemaRegistryClient(url.trim(), userInfo == null ? null : userInfo.value(), settings);
    }

    public SubjectNameStrategy subjectNameStrategy() {
        return SubjectNameStrategy.valueOf(
                getString(SUBJECT_STRATEGY_CONFIG).toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public List<org.apache.avro.Schema> avroSchemas() {
        return ConverterValidators.parseAvroSchemas(getString(AVRO_SCHEMAS_CONFIG));
    }

    /** The passthrough converter's class, or {@code null} to use the data encoding. */
    public Class<?> passthroughConverter() {
        return getClass(PASSTHROUGH_CONVERTER_CONFIG);
    }

    public Map<String, Object> passthroughProperties() {
        return originalsWithPrefix(PASSTHROUGH_PREFIX);
    }

    private static void addEventsGroup(ConfigDef def) {
        int order = 0;
        def.define(
                        MODE_CONFIG,
                        Type.STRING,
                        MODE_DEFAULT,
                        ConfigDef.CaseInsensitiveValidString.in("binary", "structured"),
                        Importance.HIGH,
                        MODE_DOC,
                        EVENTS_GROUP,
                        ++order,
                        Width.SHORT,
                        MODE_DISPLAY)
                .define(
                        DATA_ENCODING_CONFIG,
                        Type.STRING,
                        DATA_ENCODING_DEFAULT,
                        ConfigDef.CaseInsensitiveValidString.in("json", "avro"),
                        Importance.HIGH,
                        DATA_ENCODING_DOC,
                        EVENTS_GROUP,
                        ++order,
                        Width.SHORT,
                        DATA_ENCODING_DISPLAY)
                .define(
                        JSON_SCHEMAS_ENABLE_CONFIG,
                        Type.BOOLEAN,
                        JSON_SCHEMAS_ENABLE_DEFAULT,
                        Importance.MEDIUM,
                        JSON_SCHEMAS_ENABLE_DOC,
                        EVENTS_GROUP,
                        ++order,
                        Width.SHORT,
                        JSON_SCHEMAS_ENABLE_DISPLAY);
    }

    /** Avro group: where the registry is and which subject schemas go under. */
    private static void addRegistryGroup(ConfigDef def) {
        int order = 0;
        def.define(
                        SCHEMA_REGISTRY_URL_CONFIG,
                        Type.STRING,
                        "",
                        ConverterValidators.HTTP_URL,
                        Importance.HIGH,
                        SCHEMA_REGISTRY_URL_DOC,
                        REGISTRY_GROUP,
                        ++order,
                        Width.LONG,
                        SCHEMA_REGISTRY_URL_DISPLAY)
                .define(
                        SCHEMA_REGISTRY_USER_INFO_CONFIG,
                        Type.PASSWORD,
                        null,
                        Importance.MEDIUM,
                        SCHEMA_REGISTRY_USER_INFO_DOC,
                        REGISTRY_GROUP,
                        ++order,
                        Width.MEDIUM,
                        SCHEMA_REGISTRY_USER_INFO_DISPLAY)
                .define(
                        SUBJECT_STRATEGY_CONFIG,
                        Type.STRING,
                        SUBJECT_STRATEGY_DEFAULT,
                        ConfigDef.CaseInsensitiveValidString.in("topic", "type", "topic-type"),
                        Importance.MEDIUM,
                        SUBJECT_STRATEGY_DOC,
                        REGISTRY_GROUP,
                        ++order,
                        Width.SHORT,
                        SUBJECT_STRATEGY_DISPLAY);
    }

    /** Avro group, continued: how patient the registry client is. */
    private static void addRegistryClientGroup(ConfigDef def) {
        int order = 3;
        def.define(
                        REGISTRY_TIMEOUT_MS_CONFIG,
                        Type.INT,
                        REGISTRY_TIMEOUT_MS_DEFAULT,
                        Range.atLeast(1),
                        Importance.LOW,
                        REGISTRY_TIMEOUT_MS_DOC,
                        REGISTRY_GROUP,
                        ++order,
                        Width.SHORT,
                        REGISTRY_TIMEOUT_MS_DISPLAY)
                .define(
                        REGISTRY_RETRIES_CONFIG,
                        Type.INT,
                        REGISTRY_RETRIES_DEFAULT,
                        Range.between(0, 20),
                        Importance.LOW,
                        REGISTRY_RETRIES_DOC,
                        REGISTRY_GROUP,
                        ++order,
                        Width.SHORT,
                        REGISTRY_RETRIES_DISPLAY)
                .define(
                        REGISTRY_BACKOFF_MS_CONFIG,
                        Type.INT,
                        REGISTRY_BACKOFF_MS_DEFAULT,
                        Range.atLeast(0),
                        Importance.LOW,
                        REGISTRY_BACKOFF_MS_DOC,
                        REGISTRY_GROUP,
                        ++order,
                        Width.SHORT,
                        REGISTRY_BACKOFF_MS_DISPLAY);
    }

    /** Avro group, continued: the schemas of single-object encoding. */
    private static void addSingleObjectGroup(ConfigDef def) {
        int order = 6;
        def.define(
                AVRO_SCHEMAS_CONFIG,
                Type.STRING,
                "",
                ConverterValidators.AVRO_SCHEMAS,
                Importance.MEDIUM,
                AVRO_SCHEMAS_DOC,
                REGISTRY_GROUP,
                ++order,
                Width.LONG,
                AVRO_SCHEMAS_DISPLAY);
    }

    private static void addPassthroughGroup(ConfigDef def) {
        def.define(
                PASSTHROUGH_CONVERTER_CONFIG,
                Type.CLASS,
                null,
                ConverterValidators.CONVERTER_CLASS,
                Importance.MEDIUM,
                PASSTHROUGH_CONVERTER_DOC,
                PASSTHROUGH_GROUP,
                1,
                Width.LONG,
                PASSTHROUGH_CONVERTER_DISPLAY);
    }
}
