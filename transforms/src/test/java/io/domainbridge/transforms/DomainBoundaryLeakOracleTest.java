package io.domainbridge.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import io.domainbridge.transforms.CdcArbitraries.Event;
import io.domainbridge.transforms.CdcArbitraries.Kind;
import io.domainbridge.transforms.CdcRecords.Built;
import io.domainbridge.transforms.CdcRecords.Secret;
import io.domainbridge.transforms.CdcWorld.Column;
import io.domainbridge.transforms.CdcWorld.Fate;
import io.domainbridge.transforms.CdcWorld.Table;
import io.domainbridge.transforms.CdcWorld.World;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The boundary as an attacker sees it: complete Debezium records of random tables, contracts and schema drift go
 * through {@code DomainBoundary$Key} and {@code $Value} as Connect would chain them, and what comes out is written
 * with {@code JsonConverter}. The oracle knows from the generated contract alone which tables, column names and
 * values may leave; none of the others may appear anywhere in the topic, key, value or header bytes.
 */
class DomainBoundaryLeakOracleTest {

    private static final List<Kind> CHANGES = List.of(Kind.CREATE, Kind.READ, Kind.UPDATE, Kind.DELETE);
    private static final List<Kind> TABLE_RECORDS =
            List.of(Kind.CREATE, Kind.READ, Kind.UPDATE, Kind.DELETE, Kind.TOMBSTONE, Kind.TRUNCATE);

    private final ConnectBytes wire = new ConnectBytes();

    /** What the chain of both transforms left: a record, nothing (dropped), or a DataException. */
    record Outcome(SourceRecord record, DataException error) {}

    @Property(tries = 1000, edgeCases = EdgeCasesMode.MIXIN)
    void recordsOfUnlistedTablesNeverLeave(
            @ForAll("worldsWithUnlistedTables") World world, @ForAll("tableRecords") Event event) {
        Table table = world.unlisted().get(event.tableIndex() % world.unlisted().size());
        Built built = CdcRecords.of(world, table, event);
        Assume.that(!indistinguishableFromListed(world, table, built));

        Outcome outcome = chain(world, built.record());

        if (world.failUnlisted()) {
            assertThat(outcome.error())
                    .as("a %s of unlisted table %s must fail", event.kind(), table.qualified())
                    .isNotNull();
        } else {
            assertThat(outcome.error())
                    .as("a %s of unlisted table %s must be dropped silently", event.kind(), table.qualified())
                    .isNull();
            assertThat(outcome.record())
                    .as("a %s of unlisted table %s must be dropped", event.kind(), table.qualified())
                    .isNull();
        }
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.MIXIN)
    void changeEventsCarryNothingWithheld(@ForAll("worlds") World world, @ForAll("changes") Event event) {
        assertNothingWithheldLeaves(world, CdcRecords.build(world, event));
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.MIXIN)
    void tombstonesAndTruncatesCarryNothingWithheld(
            @ForAll("worlds") World world, @ForAll("tombstonesAndTruncates") Event event) {
        assertNothingWithheldLeaves(world, CdcRecords.build(world, event));
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.MIXIN)
    void messageEventsNeverLeave(@ForAll("worlds") World world, @ForAll("messages") Event event) {
        Outcome outcome = chain(world, CdcRecords.build(world, event).record());

        assertThat(outcome.record())
                .as("a logical decoding message belongs to no listed table")
                .isNull();
        if (!world.failUnlisted()) {
            assertThat(outcome.error())
                    .as("with unlisted.table.behavior=drop a message is dropped silently")
                    .isNull();
        }
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.MIXIN)
    void extraHeadersCarryNothingWithheld(
            @ForAll("worlds") World world, @ForAll("changesWithExtraHeaders") Event event) {
        assertNothingWithheldLeaves(world, CdcRecords.build(world, event));
    }

    /** The oracle must not be satisfied by a boundary that drops everything: honest change events of listed tables leave. */
    @Property(tries = 1000, edgeCases = EdgeCasesMode.MIXIN)
    void changeEventsOfListedTablesStillLeave(
            @ForAll("worldsWithPlainListedTables") World world, @ForAll("plainChanges") Event event) {
        List<Table> plain = world.listed().stream()
                .filter(DomainBoundaryLeakOracleTest::plain)
                .toList();
        Table table = plain.get(event.tableIndex() % plain.size());
        Built built = CdcRecords.of(world, table, event);

        Outcome outcome = chain(world, built.record());

        if (!table.identifiedByKey()) {
            assertThat(outcome.error())
                    .as("change event of listed table %s whose key would no longer identify the row", table.qualified())
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining(table.qualified());
            return;
        }
        assertThat(outcome.error())
                .as("change event of listed table %s", table.qualified())
                .isNull();
        assertThat(outcome.record())
                .as("change event of listed table %s", table.qualified())
                .isNotNull();
        Struct input = ((Struct) built.record().value()).getStruct("after");
        Struct after = ((Struct) outcome.record().value()).getStruct("after");
        assertThat(DomainBoundaryTest.fieldNames(after.schema()))
                .containsExactlyElementsOf(
                        table.shared().stream().map(Column::outputName).toList());
        table.shared().stream().filter(column -> column.fate() == Fate.KEEP).forEach(column -> assertThat(
                        Objects.deepEquals(after.get(column.outputName()), input.get(column.name())))
                .as("kept column %s", column.name())
                .isTrue());
    }

    /**
     * Debezium names a table's topic and its key and value schemas after the same name with characters illegal in
     * topic names replaced by '_': a record without a {@code source} block (a tombstone) of {@code public."café"}
     * cannot be told from one of a listed {@code public.caf_}. The boundary takes it for the listed table, as
     * docs/domain-boundary.md says; such records are outside what any boundary can decide.
     */
    private static boolean indistinguishableFromListed(World world, Table table, Built built) {
        boolean withoutSource = built.record().value() == null;
        String topic = table.topic(world.prefix());
        return withoutSource
                && world.listed().stream()
                        .anyMatch(listed ->
                                listed != table && listed.topic(world.prefix()).equals(topic));
    }

    private void assertNothingWithheldLeaves(World world, Built built) {
        Assume.that(!indistinguishableFromListed(world, built.table(), built));
        Outcome outcome = chain(world, built.record());
        if (outcome.record() == null) {
            return;
        }
        Map<String, String> parts = wire.parts(outcome.record());
        String of = " of " + built.table().qualified() + " (" + built.kind() + ")";
        for (Secret secret : built.secrets()) {
            for (String form : RowValues.forms(secret.value())) {
                assertAbsent(parts, form, secret.fate() + " value of column " + secret.column() + of);
            }
        }
        Set<String> legitimate = world.legitimateNames(built.table());
        for (Column column : built.table().columns()) {
            if (!column.shared() && !legitimate.contains(column.name())) {
                assertAbsent(parts, "\"" + column.name() + "\"", "withheld column name" + of);
                assertAbsent(parts, " " + column.name() + " = ", "withheld column name in SQL text" + of);
            }
        }
    }

    private static void assertAbsent(Map<String, String> parts, String token, String what) {
        parts.forEach((part, text) -> assertThat(ConnectBytes.holds(text, token))
                .as("%s, '%s', left in the %s: %s", what, token, part, ConnectBytes.around(text, token))
                .isFalse());
    }

    /** A table whose topic names it exactly and whose key columns are all shared: nothing about it is ambiguous. */
    private static boolean plain(Table table) {
        return CdcWorld.sanitized(table.qualified()).equals(table.qualified())
                && table.keyColumns().stream().allMatch(Column::shared);
    }

    private static Outcome chain(World world, SourceRecord record) {
        DomainBoundary<SourceRecord> key = new DomainBoundary.Key<>();
        DomainBoundary<SourceRecord> value = new DomainBoundary.Value<>();
        key.configure(world.contract());
        value.configure(world.contract());
        try {
            SourceRecord keyed = key.apply(record);
            return new Outcome(keyed == null ? null : value.apply(keyed), null);
        } catch (DataException e) {
            return new Outcome(null, e);
        } finally {
            key.close();
            value.close();
        }
    }

    @Provide
    Arbitrary<World> worlds() {
        return CdcArbitraries.worlds();
    }

    @Provide
    Arbitrary<World> worldsWithUnlistedTables() {
        return CdcArbitraries.worlds().filter(world -> !world.unlisted().isEmpty());
    }

    @Provide
    Arbitrary<World> worldsWithPlainListedTables() {
        return CdcArbitraries.worlds()
                .filter(world -> world.listed().stream().anyMatch(DomainBoundaryLeakOracleTest::plain));
    }

    @Provide
    Arbitrary<Event> tableRecords() {
        return CdcArbitraries.events(TABLE_RECORDS, true);
    }

    @Provide
    Arbitrary<Event> changes() {
        return CdcArbitraries.events(CHANGES, false);
    }

    @Provide
    Arbitrary<Event> tombstonesAndTruncates() {
        return CdcArbitraries.events(List.of(Kind.TOMBSTONE, Kind.TRUNCATE), false);
    }

    @Provide
    Arbitrary<Event> messages() {
        return CdcArbitraries.events(List.of(Kind.MESSAGE), false);
    }

    @Provide
    Arbitrary<Event> changesWithExtraHeaders() {
        return CdcArbitraries.events(CHANGES, true);
    }

    @Provide
    Arbitrary<Event> plainChanges() {
        return CdcArbitraries.events(List.of(Kind.CREATE, Kind.READ, Kind.UPDATE), false)
                .map(event -> new Event(event.tableIndex(), event.kind(), event.query(), false, List.of()));
    }
}
