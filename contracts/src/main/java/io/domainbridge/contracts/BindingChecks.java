package io.domainbridge.contracts;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks that every connector of a bindings file names contracts that exist and uses only what they declare. */
final class BindingChecks {

    /** Keys the compiler derives from the contracts; a bindings file must not set them by hand. */
    static final Set<String> DERIVED = Set.of("transforms", "topics", "mappings", "name");

    private static final Pattern PARAMETER = Pattern.compile(":data\\.([A-Za-z_][A-Za-z0-9_]*)");

    private final ContractSet set;
    private final Problems problems;

    BindingChecks(ContractSet set) {
        this.set = set;
        this.problems = set.problems();
    }

    void run() {
        for (Bindings b : set.bindings()) {
            for (Bindings.Connector c : b.connectors()) {
                properties(b, c);
                if (c.replicates() != null && set.dataContract(c.replicates()).isEmpty()) {
                    problems.add(b.file(), c.path() + "/replicates", "no data contract has this id");
                }
                if (c.publishes() != null && set.eventContract(c.publishes()).isEmpty()) {
                    problems.add(b.file(), c.path() + "/publishes", "no AsyncAPI document has this source domain");
                }
                c.mappings().forEach(m -> mapping(b, c, m));
            }
        }
    }

    private void properties(Bindings b, Bindings.Connector c) {
        for (String key : c.properties().keySet()) {
            if (DERIVED.contains(key) || key.startsWith("transforms.") || key.startsWith("mappings.")) {
                problems.add(b.file(), c.path() + "/properties/" + key, "is derived from the contracts: remove it");
            }
        }
    }

    private void mapping(Bindings b, Bindings.Connector c, Bindings.Mapping m) {
        if (m.settings().containsKey("delete.policy") && !m.sourceTables().isEmpty()) {
            problems.add(b.file(), m.path() + "/delete.policy", "is the data contract's deletePolicy: remove it");
        }
        for (int i = 0; i < m.events().size(); i++) {
            String type = m.events().get(i);
            List<EventContract.Event> declared = set.events(type);
            if (declared.isEmpty()) {
                problems.add(
                        b.file(),
                        m.path() + "/events/" + i,
                        "event type '" + type + "' is declared by no" + " AsyncAPI document");
            }
            for (String field : dataFields(m)) {
                declared.stream()
                        .filter(e -> e.field(field).isEmpty())
                        .forEach(e ->
                                problems.add(b.file(), m.path(), "data." + field + " is not a field of " + e.key()));
            }
        }
        for (int i = 0; i < m.sourceTables().size(); i++) {
            sourceTable(b, c, m, m.sourceTables().get(i), m.path() + "/sourceTables/" + i);
        }
    }

    private void sourceTable(Bindings b, Bindings.Connector c, Bindings.Mapping m, String table, String path) {
        Optional<DataContract> contract = set.dataContracts().stream()
                .filter(dc -> dc.table(table).isPresent())
                .findFirst();
        if (contract.isEmpty()) {
            problems.add(b.file(), path, "no data contract shares table '" + table + "'");
            return;
        }
        if (!contract.get().consumers().contains(c.consumer())) {
            problems.add(
                    b.file(),
                    path,
                    "consumer '" + c.consumer() + "' is not a consumer of contract '"
                            + contract.get().id() + "'");
        }
        DataContract.Table shared = contract.get().table(table).orElseThrow();
        for (String field : m.fields().keySet()) {
            if (shared.emitting(field).isEmpty()) {
                problems.add(
                        b.file(),
                        m.path() + "/fields/" + field,
                        "contract '" + contract.get().id() + "' lets no column of " + table + " leave as '" + field
                                + "'");
            }
        }
    }

    /** The data fields a mapping reads, from its field list and its statement's parameters. */
    static Set<String> dataFields(Bindings.Mapping m) {
        Set<String> fields = new java.util.LinkedHashSet<>();
        m.fields().keySet().stream()
                .filter(f -> f.startsWith("data."))
                .forEach(f -> fields.add(f.substring("data.".length()).split("\\.")[0]));
        Matcher p = PARAMETER.matcher(m.settings().getOrDefault("statement", ""));
        while (p.find()) {
            fields.add(p.group(1));
        }
        return fields;
    }
}
