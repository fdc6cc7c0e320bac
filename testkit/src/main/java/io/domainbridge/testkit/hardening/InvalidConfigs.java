package io.domainbridge.testkit.hardening;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A corpus of invalid connector configurations, generated from tables of (key, bad values, key the error must be
 * on) applied to valid base configurations of the command sink and of Debezium's PostgreSQL connector.
 */
public final class InvalidConfigs {

    /** Placed in every PASSWORD key; must never come back in a response. */
    public static final String SECRET = "s3cr3t-Never-Echo-4f1d9c2b8a7e6d5c4b3a2f1e0d9c8b7a";

    public static final String SINK = "CommandSinkConnector";
    public static final String DEBEZIUM = "PostgresConnector";

    private static final String REMOVED = null;
    private static final String BOUNDARY = "io.domainbridge.transforms.DomainBoundary$Value";
    private static final String ENVELOPE = "io.domainbridge.transforms.CommandEventEnvelope";
    private static final String CONVERTER = "io.domainbridge.converters.CloudEventsConverter";

    /** One submitted configuration and the key its error must be reported on. */
    public record Case(String plugin, String description, Map<String, String> config, String expectedKey) {
        @Override
        public String toString() {
            return plugin + ": " + description;
        }
    }

    /** Bad values for one key; {@code null} removes the key. */
    private record Row(String key, List<String> badValues, String expectedKey) {
        Row(String key, String... badValues) {
            this(key, listOf(badValues), key);
        }
    }

    private final Map<String, Map<String, String>> bases;

    public InvalidConfigs(Map<String, String> sinkBase, Map<String, String> debeziumBase) {
        this.bases = Map.of(
                SINK,
                withSecret(sinkBase, "connection.password"),
                DEBEZIUM,
                withSecret(debeziumBase, "database.password"));
    }

    public Map<String, String> base(String plugin) {
        return bases.get(plugin);
    }

    public List<Case> all() {
        List<Case> cases = new ArrayList<>();
        add(cases, SINK, Map.of(), "", sinkRows());
        for (String aliases : List.of("m,u", "u,m", "first,m,u")) {
            add(cases, SINK, withFirst(aliases), "mappings=" + aliases + " ", mappingRows());
        }
        for (String plugin : List.of(SINK, DEBEZIUM)) {
            add(cases, plugin, boundary(), "DomainBoundary ", prefixed("transforms.x.", boundaryRows()));
            add(cases, plugin, envelope(), "CommandEventEnvelope ", prefixed("transforms.x.", envelopeRows()));
            for (String converterKey : List.of("value.converter", "key.converter")) {
                Map<String, String> converter = Map.of(
                        converterKey,
                        CONVERTER,
                        converterKey + ".schema.registry.basic.auth.user.info",
                        "user:" + SECRET);
                add(cases, plugin, converter, converterKey + " ", prefixed(converterKey + ".", converterRows()));
            }
        }
        return cases;
    }

    private static List<Row> sinkRows() {
        return List.of(
                new Row(
                        "connection.url",
                        REMOVED,
                        "",
                        " ",
                        "http://localhost:5432/x",
                        "jdbc:oracle:thin:@h:1521:x",
                        "postgresql://127.0.0.1/x",
                        "jdbc:postgresql://127.0.0.1:1/unreachable"),
                new Row("mappings", REMOVED, "", " , ", "m,m"),
                new Row("unmatched.behavior", "", "explode", "dead letter", "fail,skip"),
                new Row("batch.size", "", "0", "-1", "10001", "ten", "1.5", "99999999999"),
                new Row("max.retries", "-1", "many", "1e3"),
                new Row("retry.backoff.ms", "-5", "soon", "3s"),
                new Row("inbox.table", "", "a.b.c", "in box", "inbox\"; drop table canary; --", "`inbox`"),
                new Row("offsets.table", "", "a.b.c", "off sets", "offsets\"; drop table canary; --", ".x"),
                new Row("tasks.max", "0", "-1", "one"),
                new Row("mappings.zz.table", "t"),
                new Row("mappings.m.tabel", "t"),
                new Row("mappings.u.statment", "select 1"));
    }

    /** Keys of the statement mapping {@code m} and the upsert mapping {@code u}. */
    private static List<Row> mappingRows() {
        return List.of(
                new Row("mappings.m.action", "", "explode", "UPSERTS", "delete", "statement;drop"),
                new Row(
                        "mappings.m.statement",
                        REMOVED,
                        "",
                        " ",
                        "UPDATE canary SET v = :nope",
                        "UPDATE canary SET v = :data",
                        "UPDATE canary SET v = :datax.v",
                        "CALL p(:Id)",
                        "UPDATE canary SET v = :data.v WHERE id = :aggregate_id"),
                new Row("mappings.u.action", "explode", "insert"),
                new Row(
                        "mappings.u.table",
                        REMOVED,
                        "",
                        "a.b.c",
                        "a\"; drop table canary; --",
                        "x y",
                        "`x`",
                        "a..b",
                        ".target"),
                new Row(
                        "mappings.u.fields",
                        REMOVED,
                        "",
                        "a:b:c",
                        "nope:v",
                        "data.v:",
                        ":v",
                        "data.v:bad col",
                        "data.v:a\"b",
                        "data.id:id, payload.v:v"),
                new Row("mappings.u.key.columns", REMOVED, "", "v3", "id, nope"),
                new Row("mappings.u.delete.policy", "explode", "soft-delete", "DROP", "soft delete"),
                new Row("mappings.u.version.column", "id", "unmapped", "a b", "v\""),
                new Row("mappings.u.soft.delete.column", "a b", "x\"y"),
                new Row("mappings.u.soft.delete.timestamp.column", "a b", "`t`"));
    }

    private static List<Row> boundaryRows() {
        return List.of(
                new Row("type", "io.domainbridge.transforms.DomainBoundary", "io.domainbridge.transforms.Nope"),
                new Row("contract.id", REMOVED, ""),
                new Row("contract.version", REMOVED, ""),
                new Row("columns", "a.b", "a", "a.b.c.d", "s.t.", ".t.a", "s..a", "s.t.a,x"),
                new Row("mask.columns", "x", "a.b", "s.t.c d"),
                new Row("pseudonymize.columns", "x", "a..b", "s.t"),
                new Row("renames", "s.t.a", "s.t.a:", "s.t.a:b.c", "x:y", "s.t.a:b:c", "s.t.a:b c"),
                new Row("unlisted.table.behavior", "", "explode", "dropp", "drop,fail"),
                new Row("pseudonymize.key", SECRET));
    }

    private static List<Row> envelopeRows() {
        return List.of(
                new Row("source.domain", REMOVED, ""),
                new Row(
                        "data.schemas",
                        "E{a:nope}",
                        "E{",
                        "E{a}",
                        "{a:string}",
                        "E@x{a:string}",
                        "E{a:string",
                        "E{a:decimal(x,2)}",
                        "E{a:[string}",
                        "E{a:string}}",
                        "E{a:string}E{b:int32}",
                        "E{a:string,a:int32}",
                        "E@1{a:string};E@1{b:string}",
                        "E{a:{b:nope}}"),
                new Row("undeclared.event.behavior", "", "explode", "inferr"),
                new Row("extra.fields.behavior", "", "keep"),
                new Row("topic.pattern", "", "${nope}.events", "${sourcedomain"),
                new Row("source.pattern", "", "/${nope}"),
                new Row("update.behavior", "", "boom"),
                new Row("delete.behavior", "", "boom"),
                new Row("outbox.column.event.id", ""),
                new Row("outbox.column.payload", ""));
    }

    private static List<Row> converterRows() {
        return List.of(
                new Row("cloudevents.mode", "", "weird", "binary,structured"),
                new Row("data.encoding", "", "xml", "protobuf"),
                new Row("json.schemas.enable", "maybe", "yes please"),
                new Row("schema.registry.url", "ftp://registry", "not a url", "http//registry", "registry:8081"),
                new Row("schema.registry.subject.strategy", "", "record"),
                new Row("schema.registry.request.timeout.ms", "0", "-1", "ten"),
                new Row("schema.registry.retries", "21", "-1", "x"),
                new Row("schema.registry.retry.backoff.ms", "-1", "later"),
                new Row("avro.schemas", "{not json", "[1,2]", "{\"type\":\"nope\"}", "\"nope\""),
                new Row("passthrough.converter", "java.lang.String", "no.such.Converter"));
    }

    private void add(List<Case> cases, String plugin, Map<String, String> extra, String label, List<Row> rows) {
        for (Row row : rows) {
            for (String bad : row.badValues()) {
                Map<String, String> config = new LinkedHashMap<>(bases.get(plugin));
                config.putAll(extra);
                if (bad == null) {
                    config.remove(row.key());
                } else {
                    config.put(row.key(), bad);
                }
                String description = label + row.key() + (bad == null ? " missing" : " = '" + bad + "'");
                cases.add(new Case(plugin, description, config, row.expectedKey()));
            }
        }
    }

    private static List<Row> prefixed(String prefix, List<Row> rows) {
        return rows.stream()
                .map(row -> new Row(prefix + row.key(), row.badValues(), prefix + row.expectedKey()))
                .toList();
    }

    private static Map<String, String> boundary() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("transforms", "x");
        config.put("transforms.x.type", BOUNDARY);
        config.put("transforms.x.contract.id", "c");
        config.put("transforms.x.contract.version", "1");
        config.put("transforms.x.columns", "s.t.a");
        config.put("transforms.x.pseudonymize.columns", "s.t.b");
        config.put("transforms.x.pseudonymize.key.secret", SECRET);
        config.put("transforms.x.pseudonymize.key.id", "k1");
        return config;
    }

    private static Map<String, String> envelope() {
        return Map.of(
                "transforms",
                "x",
                "transforms.x.type",
                ENVELOPE,
                "transforms.x.source.domain",
                "logistics",
                "transforms.x.data.schemas",
                "E{v:string}");
    }

    private static Map<String, String> withFirst(String aliases) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("mappings", aliases);
        if (aliases.startsWith("first")) {
            config.put("mappings.first.event.types", "F");
            config.put("mappings.first.action", "statement");
            config.put("mappings.first.statement", "UPDATE canary SET v = :data.v");
        }
        return config;
    }

    private static Map<String, String> withSecret(Map<String, String> base, String passwordKey) {
        Map<String, String> config = new LinkedHashMap<>(base);
        config.put(passwordKey, SECRET);
        return config;
    }

    private static List<String> listOf(String... values) {
        List<String> list = new ArrayList<>();
        java.util.Collections.addAll(list, values);
        return list;
    }
}
