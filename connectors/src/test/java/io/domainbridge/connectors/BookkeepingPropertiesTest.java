package io.domainbridge.connectors;

import static io.domainbridge.connectors.ScratchSink.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.domainbridge.connectors.sink.Dialect;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Whatever the ids, each distinct one (as Java's {@code String.equals} tells them apart) takes effect exactly once,
 * however often it is delivered: the oracle is a {@code Set<String>}.
 */
class BookkeepingPropertiesTest {

    private static final Map<Dialect, ScratchDatabase> DATABASES = new EnumMap<>(Dialect.class);
    private static final AtomicInteger TRIES = new AtomicInteger();

    @BeforeContainer
    static void createDatabases() {
        for (Dialect dialect : Dialect.values()) {
            DATABASES.put(dialect, ScratchDatabase.create(dialect));
        }
    }

    @AfterContainer
    static void dropDatabases() {
        DATABASES.values().forEach(ScratchDatabase::close);
        DATABASES.clear();
    }

    @Property(tries = 40)
    void postgresAppliesEachDistinctIdOnce(
            @ForAll("deliveries") List<String> ids, @ForAll @IntRange(min = 1, max = 8) int batch) {
        assertEachDistinctIdAppliedOnce(Dialect.POSTGRESQL, ids, batch);
    }

    @Property(tries = 40)
    void mariaDbAppliesEachDistinctIdOnce(
            @ForAll("deliveries") List<String> ids, @ForAll @IntRange(min = 1, max = 8) int batch) {
        assertEachDistinctIdAppliedOnce(Dialect.MARIADB, ids, batch);
    }

    private static void assertEachDistinctIdAppliedOnce(Dialect dialect, List<String> ids, int batch) {
        ScratchDatabase database = DATABASES.get(dialect);
        database.execute("delete from applied");
        Set<String> oracle = new LinkedHashSet<>(ids);
        // a consumer of its own per try: its inbox and offsets start empty
        try (ScratchSink sink = new ScratchSink(database, "try-" + TRIES.incrementAndGet())) {
            long offset = 0;
            for (int from = 0; from < ids.size(); from += batch) {
                List<SinkRecord> records = new ArrayList<>();
                for (String id : ids.subList(from, Math.min(ids.size(), from + batch))) {
                    records.add(event("things", 0, offset++, id));
                }
                sink.put(records);
            }
            List<SinkRecord> redelivered = new ArrayList<>();
            for (String id : ids) {
                redelivered.add(event("things", 0, offset++, id));
            }
            sink.put(redelivered);
            assertThat(sink.context.reported).as("dead-lettered records").isEmpty();
        }
        assertThat(database.applied()).containsExactlyInAnyOrderElementsOf(oracle);
    }

    /** Ids drawn from a small pool, so exact repeats and near-misses (case, accents, spaces) both occur. */
    @Provide
    Arbitrary<List<String>> deliveries() {
        Arbitrary<String> id = Arbitraries.frequencyOf(
                Tuple.of(8, shortIds()), Tuple.of(1, shortIds().map(s -> "a".repeat(255) + s)));
        return id.list()
                .ofMinSize(1)
                .ofMaxSize(8)
                .flatMap(pool -> Arbitraries.of(pool).list().ofMinSize(1).ofMaxSize(24));
    }

    private static Arbitrary<String> shortIds() {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of((int) 'a', (int) 'A', (int) 'e', (int) 'é', (int) 'É', (int) ' ')),
                Tuple.of(2, Arbitraries.integers().between(0x300, 0x36F)),
                Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10FFFF)),
                // NUL and unpaired surrogates cannot be stored as text by either server
                Tuple.of(
                        1,
                        Arbitraries.integers().between(1, 0xFFFF).filter(c -> !Character.isSurrogate((char) (int) c))));
        return codePoint.list().ofMinSize(1).ofMaxSize(6).map(points -> {
            StringBuilder text = new StringBuilder();
            points.forEach(text::appendCodePoint);
            return text.toString();
        });
    }
}
