package io.domainbridge.contracts;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Checks of the contracts themselves that no JSON Schema can express. */
final class ContractChecks {

    private final ContractSet set;
    private final Problems problems;

    ContractChecks(ContractSet set) {
        this.set = set;
        this.problems = set.problems();
    }

    void run() {
        Set<String> ids = new HashSet<>();
        for (DataContract c : set.dataContracts()) {
            if (!ids.add(c.id())) {
                problems.add(c.file(), "/id", "another file declares the same contract id");
            }
            c.tables().forEach(t -> table(c, t));
            if (c.pseudonymizes() && c.keyFile() == null && c.keySecret() == null) {
                problems.add(
                        c.file(),
                        "/customProperties",
                        "columns are pseudonymized but no pseudonymize keyFile or keySecret is given");
            }
            sourceSql(c);
        }
        Set<String> domains = new HashSet<>();
        for (EventContract e : set.eventContracts()) {
            if (!domains.add(e.domain())) {
                problems.add(
                        e.file(),
                        "/x-domain-bridge-envelope/sourceDomain",
                        "another AsyncAPI document" + " declares the same source domain");
            }
            events(e);
        }
    }

    private void table(DataContract c, DataContract.Table t) {
        Set<String> names = new HashSet<>();
        Map<String, String> emitted = new HashMap<>();
        boolean key = false;
        for (DataContract.Column col : t.columns()) {
            if (!names.add(col.name())) {
                problems.add(c.file(), col.path(), "column listed twice: treatments must not overlap");
            }
            if (col.rename() != null
                    && !(col.treatment() == Treatment.SHARE || col.treatment() == Treatment.PSEUDONYMIZE)) {
                problems.add(c.file(), col.path(), "only a shared or pseudonymized column can be renamed");
            }
            if (col.treatment().leaves() && emitted.put(col.emittedName(), col.name()) != null) {
                problems.add(
                        c.file(),
                        col.path(),
                        "leaves as '" + col.emittedName() + "', a name another column" + " of the table leaves as");
            }
            if (col.primaryKey()) {
                key = true;
                if (col.treatment() != Treatment.SHARE || col.rename() != null) {
                    problems.add(
                            c.file(),
                            col.path(),
                            "a primary key column must be shared under its own name:" + " it is the record key");
                }
            }
        }
        if (!key) {
            problems.add(c.file(), t.path(), "no column is the primary key");
        }
    }

    private void sourceSql(DataContract c) {
        if (c.sourceSql() == null) {
            return;
        }
        Map<String, List<String>> tables;
        try {
            tables = SourceSql.columns(Files.readString(c.sourceSql()));
        } catch (IOException e) {
            problems.add(c.file(), "/customProperties", "sourceSql cannot be read: " + c.sourceSql());
            return;
        }
        for (DataContract.Table t : c.tables()) {
            List<String> columns = tables.get(t.physicalName().toLowerCase(Locale.ROOT));
            if (columns == null) {
                problems.add(c.file(), t.path() + "/physicalName", "no such table in the source SQL");
                continue;
            }
            t.columns().stream()
                    .filter(col -> !columns.contains(col.name().toLowerCase(Locale.ROOT)))
                    .forEach(col -> problems.add(
                            c.file(),
                            col.path() + "/name",
                            "no such column in table " + t.physicalName() + " of the source SQL"));
        }
    }

    private void events(EventContract e) {
        Set<String> keys = new HashSet<>();
        String pattern = e.envelope().getOrDefault("topicPattern", "");
        for (EventContract.Event ev : e.events()) {
            if (!keys.add(ev.key())) {
                problems.add(e.file(), ev.path(), "event " + ev.key() + " is declared twice");
            }
            String topic =
                    pattern.replace("${sourcedomain}", e.domain()).replace("${aggregatetype}", ev.aggregateType());
            if (!topic.equals(ev.topic())) {
                problems.add(
                        e.file(),
                        ev.path(),
                        "the envelope's topicPattern routes aggregate type '" + ev.aggregateType() + "' to '" + topic
                                + "', not to this channel's address");
            }
            if (ev.fields().isEmpty()) {
                problems.add(e.file(), ev.path() + "/payload", "the event declares no data fields");
            }
        }
    }
}
