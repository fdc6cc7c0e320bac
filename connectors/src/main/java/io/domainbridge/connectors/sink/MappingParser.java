package io.domainbridge.connectors.sink;

import io.domainbridge.events.EventEnvelope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the alias-scoped keys {@code mappings.<alias>.*}, which a static ConfigDef cannot hold, and collects every
 * problem under the key it concerns, so that {@code validate()} can show each one next to its key.
 */
public final class MappingParser {

    public static final String PREFIX = "mappings.";
    public static final String EVENT_TYPES = "event.types";
    public static final String TOPICS = "topics";
    public static final String SOURCE_TABLES = "source.tables";
    public static final String ACTION = "action";
    public static final String TABLE = "table";
    public static final String FIELDS = "fields";
    public static final String KEY_COLUMNS = "key.columns";
    public static final String DELETE_POLICY = "delete.policy";
    public static final String SOFT_DELETE_COLUMN = "soft.delete.column";
    public static final String SOFT_DELETE_TIMESTAMP_COLUMN = "soft.delete.timestamp.column";
    public static final String VERSION_COLUMN = "version.column";
    public static final String STATEMENT = "statement";
    public static final String ZERO_ROWS_BEHAVIOR = "zero.rows.behavior";

    /** Every key a mapping accepts, in documentation order. */
    public static final List<String> KEYS = List.of(
            EVENT_TYPES,
            TOPICS,
            SOURCE_TABLES,
            ACTION,
            TABLE,
            FIELDS,
            KEY_COLUMNS,
            DELETE_POLICY,
            SOFT_DELETE_COLUMN,
            SOFT_DELETE_TIMESTAMP_COLUMN,
            VERSION_COLUMN,
            STATEMENT,
            ZERO_ROWS_BEHAVIOR);

    private static final Set<String> ENVELOPE_ATTRIBUTES =
            EventEnvelope.schema(
                            org.apache.kafka.connect.data.SchemaBuilder.struct().build())
                    .fields()
                    .stream()
                    .map(org.apache.kafka.connect.data.Field::name)
                    .filter(name -> !name.equals(EventEnvelope.DATA))
                    .collect(Collectors.toUnmodifiableSet());

    private final Map<String, String> props;
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final List<Mapping> mappings = new ArrayList<>();

    public MappingParser(Map<String, String> props, List<String> aliases) {
        this.props = props;
        List<String> declared = aliases.stream().map(String::trim).toList();
        checkUnknownKeys(declared);
        for (String alias : declared) {
            new AliasReader(alias).read().ifPresent(mappings::add);
        }
    }

    /** Problems by full key, e.g. {@code mappings.a.table}; empty when every mapping is valid. */
    public Map<String, String> errors() {
        return errors;
    }

    public List<Mapping> mappings() {
        return mappings;
    }

    /** Whether a statement parameter or field names an envelope attribute or a path inside its data. */
    public static boolean isEnvelopePath(String path) {
        return ENVELOPE_ATTRIBUTES.contains(path) || (path.startsWith("data.") && path.length() > "data.".length());
    }

    private void checkUnknownKeys(List<String> aliases) {
        for (String key : props.keySet()) {
            if (!key.startsWith(PREFIX)) {
                continue;
            }
            String rest = key.substring(PREFIX.length());
            int dot = rest.indexOf('.');
            String alias = dot < 0 ? rest : rest.substring(0, dot);
            if (!aliases.contains(alias)) {
                errors.put(key, "Unknown mapping alias '" + alias + "': declare it in 'mappings'");
            } else if (!KEYS.contains(rest.substring(dot + 1))) {
                errors.put(key, "Unknown mapping key; expected one of " + KEYS);
            }
        }
    }

    private final class AliasReader {
        private final String alias;
        private final int errorsBefore;

        AliasReader(String alias) {
            this.alias = alias;
            this.errorsBefore = errors.size();
        }

        java.util.Optional<Mapping> read() {
            Set<String> eventTypes = set(EVENT_TYPES);
            Set<String> topics = set(TOPICS);
            Set<String> sourceTables = set(SOURCE_TABLES);
            if (eventTypes.isEmpty() && topics.isEmpty() && sourceTables.isEmpty()) {
                String message = "Mapping '" + alias + "' selects no records: set event.types, topics or source.tables";
                error(EVENT_TYPES, message);
                error(TOPICS, message);
                error(SOURCE_TABLES, message);
            }
            boolean envelopeOnly = topics.isEmpty() && sourceTables.isEmpty();
            Action action = parse(ACTION, "upsert", Action::parse);
            Mapping mapping = action == Action.STATEMENT
                    ? statementMapping(eventTypes, topics, sourceTables, envelopeOnly)
                    : upsertMapping(eventTypes, topics, sourceTables, envelopeOnly);
            return errors.size() == errorsBefore ? java.util.Optional.of(mapping) : java.util.Optional.empty();
        }

        private Mapping statementMapping(
                Set<String> eventTypes, Set<String> topics, Set<String> sourceTables, boolean envelopeOnly) {
            String text = get(STATEMENT);
            NamedStatement statement = null;
            if (text == null || text.isBlank()) {
                error(STATEMENT, "Mapping '" + alias + "' has action 'statement' but no statement");
            } else {
                statement = NamedStatement.parse(text);
                statement.parameters().stream()
                        .filter(p -> envelopeOnly && !isEnvelopePath(p))
                        .findFirst()
                        .ifPresent(p -> error(
                                STATEMENT,
                                "Parameter ':" + p + "' names no envelope attribute" + " and no data.* path"));
            }
            return new Mapping(
                    alias,
                    eventTypes,
                    topics,
                    sourceTables,
                    Action.STATEMENT,
                    null,
                    List.of(),
                    List.of(),
                    DeletePolicy.IGNORE,
                    null,
                    null,
                    null,
                    statement,
                    parse(ZERO_ROWS_BEHAVIOR, "ignore", ZeroRowsBehavior::parse));
        }

        private Mapping upsertMapping(
                Set<String> eventTypes, Set<String> topics, Set<String> sourceTables, boolean envelopeOnly) {
            String table = get(TABLE);
            if (table == null || !Identifiers.isValid(table)) {
                error(TABLE, "Mapping '" + alias + "' needs a target table, as table or schema.table");
            }
            List<Mapping.Column> columns = columns(envelopeOnly);
            Set<String> mapped = columns.stream().map(Mapping.Column::column).collect(Collectors.toSet());
            List<String> keys = List.copyOf(set(KEY_COLUMNS));
            if (keys.isEmpty() || !mapped.containsAll(keys)) {
                error(KEY_COLUMNS, "Mapping '" + alias + "' needs key columns, each one of the mapped columns");
            }
            DeletePolicy policy = parse(DELETE_POLICY, "delete", DeletePolicy::parse);
            String softDelete = column(SOFT_DELETE_COLUMN);
            if (policy == DeletePolicy.SOFT_DELETE && softDelete == null) {
                error(SOFT_DELETE_COLUMN, "Delete policy 'soft-delete' needs a flag column");
                error(DELETE_POLICY, "Delete policy 'soft-delete' needs " + key(SOFT_DELETE_COLUMN));
            }
            if (get(ZERO_ROWS_BEHAVIOR) != null) {
                error(
                        ZERO_ROWS_BEHAVIOR,
                        "Only statement mappings have a zero-rows behavior: an upsert that changes"
                                + " no row met a newer version");
            }
            String version = column(VERSION_COLUMN);
            if (version != null && (!mapped.contains(version) || keys.contains(version))) {
                error(VERSION_COLUMN, "The version column must be a mapped column that is not a key column");
            }
            return new Mapping(
                    alias,
                    eventTypes,
                    topics,
                    sourceTables,
                    Action.UPSERT,
                    table,
                    columns,
                    keys,
                    policy,
                    softDelete,
                    column(SOFT_DELETE_TIMESTAMP_COLUMN),
                    version,
                    null,
                    ZeroRowsBehavior.IGNORE);
        }

        private List<Mapping.Column> columns(boolean envelopeOnly) {
            List<Mapping.Column> columns = new ArrayList<>();
            for (String entry : set(FIELDS)) {
                String[] parts = entry.split(":", -1);
                String field = parts[0].trim();
                String column = parts.length == 2 ? parts[1].trim() : field;
                if (parts.length > 2 || field.isEmpty() || !Identifiers.isColumn(column)) {
                    error(FIELDS, "Expected field:column or field, e.g. data.status:status");
                } else if (envelopeOnly && !isEnvelopePath(field)) {
                    error(FIELDS, "Field '" + field + "' names no envelope attribute and no data.* path");
                } else {
                    columns.add(new Mapping.Column(field, column));
                }
            }
            if (columns.isEmpty()) {
                error(FIELDS, "Mapping '" + alias + "' maps no fields to columns");
            }
            return columns;
        }

        private <T> T parse(String name, String defaultValue, java.util.function.Function<String, T> parser) {
            String value = get(name);
            try {
                return parser.apply(value == null ? defaultValue : value);
            } catch (IllegalArgumentException e) {
                error(name, e.getMessage());
                return parser.apply(defaultValue);
            }
        }

        private String column(String name) {
            String value = get(name);
            if (value == null || value.isBlank()) {
                return null;
            }
            if (!Identifiers.isColumn(value)) {
                error(name, "Expected a column name");
            }
            return value.trim();
        }

        private Set<String> set(String name) {
            String value = get(name);
            if (value == null || value.isBlank()) {
                return Set.of();
            }
            return Arrays.stream(value.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }

        private String get(String name) {
            return props.get(key(name));
        }

        private String key(String name) {
            return PREFIX + alias + "." + name;
        }

        private void error(String name, String message) {
            errors.putIfAbsent(key(name), message);
        }
    }
}
