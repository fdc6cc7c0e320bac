package io.domainbridge.connectors;

import static io.domainbridge.connectors.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.domainbridge.connectors.sink.Dialect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Inbox retention against a real database: rows older than the retention go in bounded chunks after committed
 * batches, recent ones stay and still catch replays. Ages are made by moving rows back in time, one retention period
 * per step, except where the real clock is the point.
 */
class InboxRetentionTaskTest {

    private static final TopicPartition EVENTS_0 = new TopicPartition(Fixtures.EVENTS, 0);
    private static final long HOUR_MS = 3_600_000L;

    private TestDatabase database;
    private CommandSinkTask task;
    private Map<String, String> props;
    private long nextOffset;

    @AfterEach
    void cleanUp() {
        if (task != null) {
            task.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void rowsOlderThanTheRetentionGoAndRecentOnesCatchReplays(Dialect dialect) {
        start(dialect, retention(HOUR_MS, 100, 0));
        task.put(events("a", 5));
        age(2);

        List<SinkRecord> recent = events("b", 5);
        task.put(recent);

        assertThat(inbox()).isEqualTo(ids("b", 5));
        task.put(republished(recent));
        assertThat(database.rows("SELECT event_id FROM applied ORDER BY event_id"))
                .extracting(row -> row.get(0))
                .containsExactlyElementsOf(concat(ids("a", 5), ids("b", 5)));
    }

    /** A pruned event redelivered at its own offset is below the stored offset: skipped before the inbox is asked. */
    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aPrunedEventRedeliveredAtItsOffsetIsSkippedByTheStoredOffset(Dialect dialect) {
        start(dialect, retention(HOUR_MS, 100, 0));
        List<SinkRecord> old = events("a", 5);
        task.put(old);
        age(2);
        task.put(events("b", 1));
        assertThat(inbox()).isEqualTo(ids("b", 1));

        restart();
        task.put(old);

        assertThat(database.rows("SELECT COUNT(*) FROM applied")).containsExactly(List.of("6"));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theInboxStaysBoundedUnderALongRun(Dialect dialect) {
        start(dialect, retention(HOUR_MS, 50, 0));
        int largest = 0;
        for (int round = 0; round < 40; round++) {
            task.put(events("r" + round + "-", 30));
            largest = Math.max(largest, inbox().size());
            age(2);
        }

        assertThat(largest).isEqualTo(30);
        assertThat(database.rows("SELECT COUNT(*) FROM applied")).containsExactly(List.of("1200"));
    }

    /** One chunk per batch while chunks come back full, then nothing until the interval has passed. */
    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aBacklogDrainsInChunksThenWaitsForTheInterval(Dialect dialect) {
        start(dialect, retention(HOUR_MS, 10, HOUR_MS));
        task.put(events("old", 24));
        age(2);
        // the first batch found nothing to delete yet, so a new task makes the next chunk due
        restart();

        List<Integer> sizes = new ArrayList<>();
        for (int put = 0; put < 4; put++) {
            task.put(events("new" + put + "-", 1));
            sizes.add(inbox().size());
        }

        // 24 old + 1 new: 10 go, then 10, then the remaining 4, and the fourth batch is within the interval
        assertThat(sizes).containsExactly(25 - 10, 16 - 10, 7 - 4, 4);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void byDefaultTheInboxKeepsEveryRow(Dialect dialect) {
        start(dialect, new HashMap<>());
        task.put(events("a", 3));
        age(24 * 365 * 10);

        task.put(events("b", 3));

        assertThat(inbox()).isEqualTo(concat(ids("a", 3), ids("b", 3)));
    }

    /** The database's clock decides the age: rows of the first batch go once it is older than the retention. */
    @ParameterizedTest
    @EnumSource(Dialect.class)
    void withAShortRetentionOldRowsDisappearInRealTime(Dialect dialect) {
        start(dialect, retention(2_000, 100, 0));
        task.put(events("first-", 3));

        List<SinkRecord> last = List.of();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (inbox().contains("first-1") && System.nanoTime() < deadline) {
            last = events("next" + nextOffset + "-", 2);
            task.put(last);
        }

        List<String> lastIds = last.stream().map(r -> eventId(r)).toList();
        assertThat(inbox()).doesNotContain("first-1", "first-2", "first-3").containsAll(lastIds);
        int applied = appliedCount();
        task.put(republished(last));
        assertThat(appliedCount()).isEqualTo(applied);
    }

    private void start(Dialect dialect, Map<String, String> retention) {
        database = TestDatabase.create(dialect);
        database.execute(
                dialect == Dialect.POSTGRESQL
                        ? "CREATE TABLE applied (n SERIAL PRIMARY KEY, event_id VARCHAR(40) NOT NULL)"
                        : "CREATE TABLE applied (n INT AUTO_INCREMENT PRIMARY KEY, event_id VARCHAR(40) NOT NULL)");
        props = database.connectionConfig();
        props.put("name", "retention-sink");
        props.put("mappings", "apply");
        props.put("mappings.apply.event.types", "PackageStatusChanged");
        props.put("mappings.apply.action", "statement");
        props.put("mappings.apply.statement", "INSERT INTO applied (event_id) VALUES (:id)");
        props.putAll(retention);
        restart();
    }

    private void restart() {
        if (task != null) {
            task.stop();
        }
        task = new CommandSinkTask();
        task.initialize(new FakeSinkTaskContext(true));
        task.start(props);
        task.open(List.of(EVENTS_0));
    }

    private static Map<String, String> retention(long ms, int chunk, long intervalMs) {
        Map<String, String> props = new HashMap<>();
        props.put("inbox.retention.ms", String.valueOf(ms));
        props.put("inbox.retention.batch.size", String.valueOf(chunk));
        props.put("inbox.retention.interval.ms", String.valueOf(intervalMs));
        return props;
    }

    /** Moves every inbox row back in time by the given hours. */
    private void age(int hours) {
        database.execute("UPDATE domainbridge_inbox SET applied_at = applied_at - INTERVAL '" + hours + "' HOUR");
    }

    /** Events prefix1, prefix2, ... at the next offsets. */
    private List<SinkRecord> events(String prefix, int count) {
        List<SinkRecord> records = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            records.add(event(prefix + i, "PackageStatusChanged", i, "IN_TRANSIT", nextOffset++));
        }
        return records;
    }

    /** The same events published again, at new offsets. */
    private List<SinkRecord> republished(List<SinkRecord> records) {
        return records.stream()
                .map(r -> event(eventId(r), "PackageStatusChanged", 1, "IN_TRANSIT", nextOffset++))
                .toList();
    }

    private static String eventId(SinkRecord record) {
        return ((org.apache.kafka.connect.data.Struct) record.value()).getString("id");
    }

    private List<String> inbox() {
        return database.rows("SELECT event_id FROM domainbridge_inbox ORDER BY event_id").stream()
                .map(row -> row.get(0))
                .sorted()
                .collect(Collectors.toList());
    }

    private int appliedCount() {
        return Integer.parseInt(
                database.rows("SELECT COUNT(*) FROM applied").get(0).get(0));
    }

    private static List<String> ids(String prefix, int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> prefix + i)
                .sorted()
                .toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all.stream().sorted().toList();
    }
}
