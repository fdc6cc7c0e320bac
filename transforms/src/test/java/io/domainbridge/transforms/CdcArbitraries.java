package io.domainbridge.transforms;

import io.domainbridge.transforms.CdcWorld.Column;
import io.domainbridge.transforms.CdcWorld.ColumnType;
import io.domainbridge.transforms.CdcWorld.Connector;
import io.domainbridge.transforms.CdcWorld.Fate;
import io.domainbridge.transforms.CdcWorld.Table;
import io.domainbridge.transforms.CdcWorld.World;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Test fixture: generators of {@link World}s and of the records Debezium emits for them. The name pools are small on
 * purpose, so that tables collide: a table {@code public."x.y"} has the topic {@code prefix.public.x.y} that a listed
 * table {@code x.y} would have, {@code café} and {@code caf_} share a topic, {@code Orders} and {@code orders} differ
 * only in case, and tables share column names.
 */
final class CdcArbitraries {

    static final List<String> SCHEMAS = List.of("public", "x", "sales", "Sales", "crm.eu");
    static final List<String> TABLES =
            List.of("orders", "Orders", "y", "x.y", "sales.orders", "café", "caf_", "line-item");
    static final List<String> PREFIXES = List.of("dbserver", "dc1.dbserver", "Shop", "dbserver.public");
    static final List<String> COLUMNS =
            List.of("code", "email", "Email", "note", "tenant_id", "prénom", "amount", "ssn", "status", "id");
    static final List<String> DRIFT_COLUMNS = List.of("national_id", "risk_score", "ssn", "note");
    static final List<String> RENAME_TARGETS = List.of("ref", "contact", "email", "ssn", "Amount");

    /** What Debezium emits; {@code MESSAGE} is a logical decoding message, which belongs to no table. */
    enum Kind {
        CREATE,
        READ,
        UPDATE,
        DELETE,
        TOMBSTONE,
        TRUNCATE,
        MESSAGE
    }

    /** Headers other producers or transforms put on a record before the boundary sees it. */
    enum ExtraHeader {
        TRACE_ID,
        ROW_VALUE,
        ROW_STRUCT,
        ROW_MAP
    }

    /**
     * One record of the table at {@code tableIndex} (modulo the number of tables); {@code query} puts the SQL text in
     * {@code source.query}, {@code keyChange} adds Debezium's {@code __debezium.oldkey}/{@code newkey} header.
     */
    record Event(int tableIndex, Kind kind, boolean query, boolean keyChange, List<ExtraHeader> extraHeaders) {}

    private CdcArbitraries() {}

    static Arbitrary<World> worlds() {
        return Combinators.combine(
                        Arbitraries.of(PREFIXES),
                        tables().list().ofMinSize(1).ofMaxSize(3).uniqueElements(Table::qualified),
                        Arbitraries.of(false, true))
                .as(World::new)
                .filter(world -> !world.listed().isEmpty());
    }

    static Arbitrary<Event> events(List<Kind> kinds, boolean extraHeaders) {
        Arbitrary<List<ExtraHeader>> headers = extraHeaders
                ? Arbitraries.of(ExtraHeader.class).list().ofMinSize(1).ofMaxSize(3)
                : Arbitraries.just(List.of());
        return Combinators.combine(
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.of(kinds),
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false),
                        headers)
                .as(Event::new);
    }

    static Arbitrary<Table> tables() {
        return Combinators.combine(
                        Arbitraries.of(SCHEMAS),
                        Arbitraries.of(TABLES),
                        Arbitraries.of(Connector.class),
                        Arbitraries.of(true, false),
                        Arbitraries.of(COLUMNS)
                                .list()
                                .uniqueElements()
                                .ofMinSize(1)
                                .ofMaxSize(5),
                        Arbitraries.of(DRIFT_COLUMNS).list().uniqueElements().ofMaxSize(2),
                        Arbitraries.integers().between(1, 2),
                        columnTraits().list().ofSize(7))
                .as((schema, name, connector, share, names, drift, keys, traits) -> {
                    boolean listable = share && CdcWorld.nameable(schema) && CdcWorld.nameable(name);
                    List<Column> columns = new ArrayList<>();
                    for (int i = 0; i < names.size(); i++) {
                        columns.add(traits.get(i).column(names.get(i), i < keys, false, listable));
                    }
                    for (String column : drift) {
                        if (!names.contains(column)) {
                            columns.add(traits.get(columns.size()).column(column, false, true, false));
                        }
                    }
                    return new Table(schema, name, connector, withUniqueOutputNames(columns));
                })
                .filter(table -> table.shared().stream()
                                .map(Column::outputName)
                                .distinct()
                                .count()
                        == table.shared().size());
    }

    /** What a column is, apart from its name and role; drawn without flat-mapping, which keeps generation fast. */
    private record ColumnTraits(ColumnType type, boolean optional, Fate fate, String rename) {

        Column column(String name, boolean key, boolean drift, boolean listable) {
            Fate shared = listable ? fate : Fate.WITHHELD;
            String renamed = shared == Fate.WITHHELD || name.equals(rename) ? null : rename;
            return new Column(name, type, optional && !key, key, shared, renamed, drift);
        }
    }

    private static Arbitrary<ColumnTraits> columnTraits() {
        return Combinators.combine(
                        Arbitraries.of(ColumnType.class),
                        Arbitraries.of(true, false),
                        Arbitraries.of(Fate.class),
                        Arbitraries.of(RENAME_TARGETS).injectNull(0.7))
                .as(ColumnTraits::new);
    }

    /** A contract whose renames would give two shared columns one output name is invalid: such renames are dropped. */
    private static List<Column> withUniqueOutputNames(List<Column> columns) {
        Set<String> taken = new HashSet<>();
        columns.stream().filter(c -> c.shared() && c.rename() == null).forEach(c -> taken.add(c.name()));
        List<Column> result = new ArrayList<>();
        for (Column column : columns) {
            boolean clash = column.rename() != null && !taken.add(column.rename());
            result.add(
                    clash
                            ? new Column(
                                    column.name(),
                                    column.type(),
                                    column.optional(),
                                    column.key(),
                                    column.fate(),
                                    null,
                                    column.drift())
                            : column);
        }
        return result;
    }
}
