package io.domainbridge.transforms;

import io.domainbridge.transforms.envelope.EventCatalog;
import io.domainbridge.transforms.envelope.NamePattern;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/** The configuration of {@link CommandEventEnvelope}: event source, routing, data schemas and outbox columns. */
public final class CommandEventEnvelopeConfig extends AbstractConfig {

    /** What happens to an outbox change that is not an insert. */
    public enum ChangeBehavior {
        SKIP,
        WARN,
        FAIL
    }

    public static final String SOURCE_DOMAIN_CONFIG = "source.domain";
    private static final String SOURCE_DOMAIN_DOC = "Name of the domain whose outbox this is, e.g. 'logistics'."
            + " Fills the envelope's sourcedomain and the ${sourcedomain} variable of the patterns.";

    public static final String SOURCE_PATTERN_CONFIG = "source.pattern";
    public static final String SOURCE_PATTERN_DEFAULT = "/${sourcedomain}/${aggregatetype}";
    private static final String SOURCE_PATTERN_DOC = "Pattern of the CloudEvents 'source' attribute (a URI"
            + " reference). Variables: ${sourcedomain}, ${aggregatetype}, ${eventtype}.";

    public static final String TOPIC_PATTERN_CONFIG = "topic.pattern";
    public static final String TOPIC_PATTERN_DEFAULT = "${sourcedomain}.${aggregatetype}.events";
    private static final String TOPIC_PATTERN_DOC = "Pattern of the topic each event is routed to. Variables:"
            + " ${sourcedomain}, ${aggregatetype}, ${eventtype}. Records are keyed by aggregate id, so each"
            + " aggregate's events stay in order in one partition.";

    public static final String DATA_SCHEMAS_CONFIG = "data.schemas";
    private static final String DATA_SCHEMAS_DOC = "Declared data schema of each event type and version, as"
            + " 'Type@version{field:type, field:type?, ...}' separated by ';' (version optional: it then covers every"
            + " version without a declaration of its own; '?' marks an optional field). Types: string, int32, int64,"
            + " float32, float64, boolean, bytes (base64), date (ISO), timestamp (ISO-8601 or epoch millis),"
            + " decimal(p,s), nested {...} and arrays [type].";

    public static final String UNDECLARED_EVENT_BEHAVIOR_CONFIG = "undeclared.event.behavior";
    private static final String UNDECLARED_EVENT_BEHAVIOR_DOC = "Events of a type without a declared schema:"
            + " 'fail' raises an error (the dead-letter queue takes the record when configured); 'infer' builds a"
            + " schema from the payload, all fields optional, cached per event type and shape.";

    public static final String EXTRA_FIELDS_BEHAVIOR_CONFIG = "extra.fields.behavior";
    private static final String EXTRA_FIELDS_BEHAVIOR_DOC = "Payload fields the declared schema does not name:"
            + " 'drop' leaves them out of the data, 'fail' raises an error naming the field.";

    public static final String UPDATE_BEHAVIOR_CONFIG = "update.behavior";
    private static final String UPDATE_BEHAVIOR_DOC = "Updates of outbox rows are not events: 'skip' drops them,"
            + " 'warn' drops them with a warning in the log, 'fail' raises an error.";

    public static final String DELETE_BEHAVIOR_CONFIG = "delete.behavior";
    private static final String DELETE_BEHAVIOR_DOC = "Deletes of outbox rows (commonly right after the insert, to"
            + " keep the table small) are not events: 'skip' drops them, 'warn' logs a warning, 'fail' raises an"
            + " error. Tombstones are always dropped.";

    public static final String DEAD_LETTER_TOPIC_CONFIG = "dead.letter.topic";
    private static final String DEAD_LETTER_TOPIC_DOC = "Topic for outbox rows that cannot become events (missing"
            + " attributes, invalid payloads, undeclared types, rejected updates or deletes). Such a row is routed"
            + " there unchanged with Connect's error context headers (__connect.errors.*), and later events keep"
            + " flowing. Kafka Connect's own errors.deadletterqueue.topic.name serves sink connectors only; without"
            + " this key the error goes to the connector's errors.tolerance handling.";

    private static final String COLUMN_PREFIX = "outbox.column.";
    public static final String EVENT_ID_COLUMN_CONFIG = COLUMN_PREFIX + "event.id";
    public static final String AGGREGATE_TYPE_COLUMN_CONFIG = COLUMN_PREFIX + "aggregate.type";
    public static final String AGGREGATE_ID_COLUMN_CONFIG = COLUMN_PREFIX + "aggregate.id";
    public static final String EVENT_TYPE_COLUMN_CONFIG = COLUMN_PREFIX + "event.type";
    public static final String COMMAND_ID_COLUMN_CONFIG = COLUMN_PREFIX + "command.id";
    public static final String CORRELATION_ID_COLUMN_CONFIG = COLUMN_PREFIX + "correlation.id";
    public static final String CAUSATION_ID_COLUMN_CONFIG = COLUMN_PREFIX + "causation.id";
    public static final String OCCURRED_AT_COLUMN_CONFIG = COLUMN_PREFIX + "occurred.at";
    public static final String SCHEMA_VERSION_COLUMN_CONFIG = COLUMN_PREFIX + "schema.version";
    public static final String PAYLOAD_COLUMN_CONFIG = COLUMN_PREFIX + "payload";

    private record OutboxColumn(String key, String defaultName, String fills) {}

    private static final String EVENT_GROUP = "Event";
    private static final String OUTBOX_GROUP = "Outbox columns";

    private static final ConfigDef.Validator BEHAVIORS =
            ConfigDef.CaseInsensitiveValidString.in("skip", "warn", "fail");

    private static final ConfigDef.Validator DATA_SCHEMAS = new ConfigDef.Validator() {
        @Override
        public void ensureValid(String name, Object value) {
            try {
                EventCatalog.validateDeclarations((String) value);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "Type[@version]{field:type[?], ...}; ...";
        }
    };

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{[a-z]+}");
    private static final Pattern LEGAL_TOPIC_TEXT = Pattern.compile("[A-Za-z0-9._-]*");

    private static final ConfigDef.Validator PATTERN = new ConfigDef.Validator() {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null || ((String) value).isBlank()) {
                throw new ConfigException(name, value, "must not be blank");
            }
            try {
                NamePattern.parse((String) value);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "text with ${sourcedomain}, ${aggregatetype}, ${eventtype}";
        }
    };

    /** A pattern whose literal text is legal in a Kafka topic name: letters, digits, '.', '_' and '-'. */
    private static final ConfigDef.Validator TOPIC_PATTERN = new ConfigDef.Validator() {
        @Override
        public void ensureValid(String name, Object value) {
            PATTERN.ensureValid(name, value);
            String literals = VARIABLE.matcher((String) value).replaceAll("");
            if (!LEGAL_TOPIC_TEXT.matcher(literals).matches()) {
                throw new ConfigException(
                        name,
                        value,
                        "topic names take only letters, digits, '.', '_' and '-'" + " besides the variables");
            }
        }

        @Override
        public String toString() {
            return "topic name with ${sourcedomain}, ${aggregatetype}, ${eventtype}";
        }
    };

    public static final ConfigDef CONFIG_DEF = config();

    private final EventCatalog catalog;

    public CommandEventEnvelopeConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals);
        this.catalog = new EventCatalog(
                getString(DATA_SCHEMAS_CONFIG), "infer".equals(lower(UNDECLARED_EVENT_BEHAVIOR_CONFIG)));
    }

    public static ConfigDef config() {
        ConfigDef def = new ConfigDef();
        addEventGroup(def);
        addOutboxGroup(def);
        return def;
    }

    public String sourceDomain() {
        return getString(SOURCE_DOMAIN_CONFIG);
    }

    public NamePattern sourcePattern() {
        return NamePattern.parse(getString(SOURCE_PATTERN_CONFIG));
    }

    public NamePattern topicPattern() {
        return NamePattern.parse(getString(TOPIC_PATTERN_CONFIG));
    }

    public EventCatalog catalog() {
        return catalog;
    }

    public boolean failOnExtraFields() {
        return "fail".equals(lower(EXTRA_FIELDS_BEHAVIOR_CONFIG));
    }

    public ChangeBehavior updateBehavior() {
        return ChangeBehavior.valueOf(getString(UPDATE_BEHAVIOR_CONFIG).toUpperCase(Locale.ROOT));
    }

    public ChangeBehavior deleteBehavior() {
        return ChangeBehavior.valueOf(getString(DELETE_BEHAVIOR_CONFIG).toUpperCase(Locale.ROOT));
    }

    /** The dead-letter topic, or null when errors go to Connect's error handling. */
    public String deadLetterTopic() {
        String topic = getString(DEAD_LETTER_TOPIC_CONFIG);
        return topic == null || topic.isBlank() ? null : topic;
    }

    public String column(String key) {
        return getString(key);
    }

    private String lower(String key) {
        return getString(key).toLowerCase(Locale.ROOT);
    }

    private static void addEventGroup(ConfigDef def) {
        int order = 0;
        def.define(
                        SOURCE_DOMAIN_CONFIG,
                        Type.STRING,
                        ConfigDef.NO_DEFAULT_VALUE,
                        new ConfigDef.NonEmptyString(),
                        Importance.HIGH,
                        SOURCE_DOMAIN_DOC,
                        EVENT_GROUP,
                        ++order,
                        Width.MEDIUM,
                        "Source domain")
                .define(
                        DATA_SCHEMAS_CONFIG,
                        Type.STRING,
                        "",
                        DATA_SCHEMAS,
                        Importance.HIGH,
                        DATA_SCHEMAS_DOC,
                        EVENT_GROUP,
                        ++order,
                        Width.LONG,
                        "Data schemas")
                .define(
                        UNDECLARED_EVENT_BEHAVIOR_CONFIG,
                        Type.STRING,
                        "fail",
                        ConfigDef.CaseInsensitiveValidString.in("fail", "infer"),
                        Importance.MEDIUM,
                        UNDECLARED_EVENT_BEHAVIOR_DOC,
                        EVENT_GROUP,
                        ++order,
                        Width.SHORT,
                        "Undeclared events")
                .define(
                        EXTRA_FIELDS_BEHAVIOR_CONFIG,
                        Type.STRING,
                        "drop",
                        ConfigDef.CaseInsensitiveValidString.in("drop", "fail"),
                        Importance.MEDIUM,
                        EXTRA_FIELDS_BEHAVIOR_DOC,
                        EVENT_GROUP,
                        ++order,
                        Width.SHORT,
                        "Extra payload fields")
                .define(
                        TOPIC_PATTERN_CONFIG,
                        Type.STRING,
                        TOPIC_PATTERN_DEFAULT,
                        TOPIC_PATTERN,
                        Importance.HIGH,
                        TOPIC_PATTERN_DOC,
                        EVENT_GROUP,
                        ++order,
                        Width.MEDIUM,
                        "Topic pattern")
                .define(
                        SOURCE_PATTERN_CONFIG,
                        Type.STRING,
                        SOURCE_PATTERN_DEFAULT,
                        PATTERN,
                        Importance.MEDIUM,
                        SOURCE_PATTERN_DOC,
                        EVENT_GROUP,
                        ++order,
                        Width.MEDIUM,
                        "Source pattern")
                .define(
                        UPDATE_BEHAVIOR_CONFIG,
                        Type.STRING,
                        "warn",
                        BEHAVIORS,
                        Importance.LOW,
                        UPDATE_BEHAVIOR_DOC,
                        EVENT_GROUP,
                        ++order,
                        Width.SHORT,
                        "Outbox updates")
                .define(
                        DELETE_BEHAVIOR_CONFIG,
                        Type.STRING,
                        "skip",
                        BEHAVIORS,
                        Importance.LOW,
                        DELETE_BEHAVIOR_DOC,
                        EVENT_GROUP,
                        ++order,
                        Width.SHORT,
                        "Outbox deletes")
                .define(
                        DEAD_LETTER_TOPIC_CONFIG,
                        Type.STRING,
                        null,
                        Importance.MEDIUM,
                        DEAD_LETTER_TOPIC_DOC,
                        EVENT_GROUP,
                        ++order,
                        Width.MEDIUM,
                        "Dead-letter topic");
    }

    private static void addOutboxGroup(ConfigDef def) {
        List<OutboxColumn> columns = List.of(
                new OutboxColumn(EVENT_ID_COLUMN_CONFIG, "event_id", "id"),
                new OutboxColumn(AGGREGATE_TYPE_COLUMN_CONFIG, "aggregate_type", "aggregatetype"),
                new OutboxColumn(AGGREGATE_ID_COLUMN_CONFIG, "aggregate_id", "aggregateid and subject; the key"),
                new OutboxColumn(EVENT_TYPE_COLUMN_CONFIG, "event_type", "type"),
                new OutboxColumn(COMMAND_ID_COLUMN_CONFIG, "command_id", "commandid"),
                new OutboxColumn(CORRELATION_ID_COLUMN_CONFIG, "correlation_id", "correlationid"),
                new OutboxColumn(CAUSATION_ID_COLUMN_CONFIG, "causation_id", "causationid"),
                new OutboxColumn(OCCURRED_AT_COLUMN_CONFIG, "occurred_at", "time; the record timestamp"),
                new OutboxColumn(
                        SCHEMA_VERSION_COLUMN_CONFIG, "schema_version", "schemaversion; selects the data" + " schema"),
                new OutboxColumn(PAYLOAD_COLUMN_CONFIG, "payload", "data, parsed from JSON"));
        int order = 0;
        for (OutboxColumn column : columns) {
            def.define(
                    column.key(),
                    Type.STRING,
                    column.defaultName(),
                    new ConfigDef.NonEmptyString(),
                    Importance.LOW,
                    "Outbox column that fills the envelope's " + column.fills() + ".",
                    OUTBOX_GROUP,
                    ++order,
                    Width.SHORT,
                    "Column " + column.defaultName());
        }
    }
}
