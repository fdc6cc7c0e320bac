package io.domainbridge.contracts;

import io.domainbridge.connectors.sink.MappingParser;
import io.domainbridge.transforms.CommandEventEnvelope;
import io.domainbridge.transforms.CommandEventEnvelopeConfig;
import io.domainbridge.transforms.DomainBoundary;
import io.domainbridge.transforms.DomainBoundaryConfig;
import io.domainbridge.transforms.PseudonymizationConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Predicate;

/**
 * Compiles a checked contract set into the connector configs it implies: DomainBoundary's column rules from an ODCS
 * contract, CommandEventEnvelope's data schemas from an AsyncAPI document, a CommandSink's topics and mappings from
 * its bindings. Config key names come from the plugins' own config classes.
 */
public final class ConnectorCompiler {

    static final String KEY_ALIAS = "boundaryKey";
    static final String VALUE_ALIAS = "boundary";
    static final String ENVELOPE_ALIAS = "envelope";
    private static final Map<String, String> ENVELOPE_KEYS = envelopeKeys();

    private final ContractSet set;

    public ConnectorCompiler(ContractSet set) {
        this.set = set;
    }

    /** Every connector of every bindings file; call only on a set without problems. */
    public List<CompiledConnector> compile() {
        List<CompiledConnector> out = new ArrayList<>();
        for (Bindings b : set.bindings()) {
            for (Bindings.Connector c : b.connectors()) {
                LinkedHashMap<String, String> derived = new LinkedHashMap<>();
                if (c.replicates() != null) {
                    boundary(set.dataContract(c.replicates()).orElseThrow(), derived);
                } else if (c.publishes() != null) {
                    envelope(set.eventContract(c.publishes()).orElseThrow(), derived);
                } else {
                    sink(c, derived);
                }
                out.add(new CompiledConnector(c.name(), c.properties(), derived));
            }
        }
        return out;
    }

    private static void boundary(DataContract c, Map<String, String> out) {
        out.put("transforms", KEY_ALIAS + "," + VALUE_ALIAS);
        String key = "transforms." + KEY_ALIAS + ".";
        out.put(key + "type", DomainBoundary.Key.class.getName());
        out.put(key + DomainBoundaryConfig.CONTRACT_ID_CONFIG, c.id());
        out.put(key + DomainBoundaryConfig.CONTRACT_VERSION_CONFIG, c.version());
        out.put(key + DomainBoundaryConfig.COLUMNS_CONFIG, columns(c, DataContract.Column::primaryKey));
        String value = "transforms." + VALUE_ALIAS + ".";
        out.put(value + "type", DomainBoundary.Value.class.getName());
        out.put(value + DomainBoundaryConfig.CONTRACT_ID_CONFIG, c.id());
        out.put(value + DomainBoundaryConfig.CONTRACT_VERSION_CONFIG, c.version());
        out.put(value + DomainBoundaryConfig.COLUMNS_CONFIG, columns(c, col -> col.treatment() == Treatment.SHARE));
        putIfAny(
                out,
                value + DomainBoundaryConfig.MASK_COLUMNS_CONFIG,
                columns(c, col -> col.treatment() == Treatment.MASK));
        String pseudonymized = columns(c, col -> col.treatment() == Treatment.PSEUDONYMIZE);
        if (!pseudonymized.isEmpty()) {
            out.put(value + DomainBoundaryConfig.PSEUDONYMIZE_COLUMNS_CONFIG, pseudonymized);
            if (c.keyFile() != null) {
                out.put(value + PseudonymizationConfig.PSEUDONYMIZE_KEY_FILE_CONFIG, c.keyFile());
            } else {
                out.put(value + PseudonymizationConfig.PSEUDONYMIZE_KEY_SECRET_CONFIG, c.keySecret());
            }
            out.put(value + PseudonymizationConfig.PSEUDONYMIZE_KEY_ID_CONFIG, c.keyId());
        }
        StringJoiner renames = new StringJoiner(",");
        c.tables().forEach(t -> t.columns().stream()
                .filter(col -> col.rename() != null)
                .forEach(col -> renames.add(t.physicalName() + "." + col.name() + ":" + col.rename())));
        putIfAny(out, value + DomainBoundaryConfig.RENAMES_CONFIG, renames.toString());
        if (c.unlistedTables() != null) {
            out.put(value + DomainBoundaryConfig.UNLISTED_TABLE_BEHAVIOR_CONFIG, c.unlistedTables());
        }
    }

    private static String columns(DataContract c, Predicate<DataContract.Column> which) {
        StringJoiner out = new StringJoiner(",");
        c.tables().forEach(t -> t.columns().stream()
                .filter(which)
                .forEach(col -> out.add(t.physicalName() + "." + col.name())));
        return out.toString();
    }

    private static void envelope(EventContract e, Map<String, String> out) {
        out.put("transforms", ENVELOPE_ALIAS);
        String prefix = "transforms." + ENVELOPE_ALIAS + ".";
        out.put(prefix + "type", CommandEventEnvelope.class.getName());
        out.put(prefix + CommandEventEnvelopeConfig.SOURCE_DOMAIN_CONFIG, e.domain());
        out.put(
                prefix + CommandEventEnvelopeConfig.TOPIC_PATTERN_CONFIG,
                e.envelope().get("topicPattern"));
        StringJoiner schemas = new StringJoiner("; ");
        for (EventContract.Event ev : e.events()) {
            StringJoiner fields = new StringJoiner(", ", ev.key() + "{", "}");
            ev.fields().forEach(f -> fields.add(f.name() + ":" + f.type() + (f.required() ? "" : "?")));
            schemas.add(fields.toString());
        }
        out.put(prefix + CommandEventEnvelopeConfig.DATA_SCHEMAS_CONFIG, schemas.toString());
        ENVELOPE_KEYS.forEach((name, key) -> {
            if (e.envelope().containsKey(name)) {
                out.put(prefix + key, e.envelope().get(name));
            }
        });
    }

    private void sink(Bindings.Connector c, Map<String, String> out) {
        Set<String> topics = new LinkedHashSet<>();
        for (Bindings.Mapping m : c.mappings()) {
            m.events().forEach(type -> set.events(type).forEach(ev -> topics.add(ev.topic())));
            m.sourceTables().forEach(t -> topics.add(table(t).topic()));
        }
        out.put(MappingParser.TOPICS, String.join(",", topics));
        out.put(
                "mappings",
                String.join(
                        ",", c.mappings().stream().map(Bindings.Mapping::alias).toList()));
        for (Bindings.Mapping m : c.mappings()) {
            String prefix = MappingParser.PREFIX + m.alias() + ".";
            putIfAny(out, prefix + MappingParser.EVENT_TYPES, String.join(",", m.events()));
            putIfAny(out, prefix + MappingParser.SOURCE_TABLES, String.join(",", m.sourceTables()));
            m.settings().forEach((k, v) -> out.put(prefix + k, v));
            if (!m.fields().isEmpty()) {
                out.put(prefix + MappingParser.FIELDS, fields(m));
            }
            if (!m.sourceTables().isEmpty()) {
                out.put(
                        prefix + MappingParser.DELETE_POLICY,
                        contractOf(m.sourceTables().get(0)).deletePolicy());
            }
        }
    }

    private static String fields(Bindings.Mapping m) {
        StringJoiner out = new StringJoiner(", ");
        m.fields().forEach((field, column) -> out.add(field.equals(column) ? field : field + ":" + column));
        return out.toString();
    }

    private DataContract.Table table(String physicalName) {
        return contractOf(physicalName).table(physicalName).orElseThrow();
    }

    private DataContract contractOf(String physicalName) {
        return set.dataContracts().stream()
                .filter(dc -> dc.table(physicalName).isPresent())
                .findFirst()
                .orElseThrow();
    }

    private static void putIfAny(Map<String, String> out, String key, String value) {
        if (!value.isEmpty()) {
            out.put(key, value);
        }
    }

    private static Map<String, String> envelopeKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("extraFieldsBehavior", CommandEventEnvelopeConfig.EXTRA_FIELDS_BEHAVIOR_CONFIG);
        keys.put("undeclaredEventBehavior", CommandEventEnvelopeConfig.UNDECLARED_EVENT_BEHAVIOR_CONFIG);
        keys.put("updateBehavior", CommandEventEnvelopeConfig.UPDATE_BEHAVIOR_CONFIG);
        keys.put("deleteBehavior", CommandEventEnvelopeConfig.DELETE_BEHAVIOR_CONFIG);
        keys.put("deadLetterTopic", CommandEventEnvelopeConfig.DEAD_LETTER_TOPIC_CONFIG);
        return keys;
    }
}
