package io.domainbridge.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.domainbridge.connectors.sink.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Tasks of one connector (tasks.max > 1) starting at the same moment on a database without the sink's tables. */
class BookkeepingTablesTaskTest {

    private static final int TASKS = 4;
    private static final int ROUNDS = 12;

    private final ExecutorService threads = Executors.newFixedThreadPool(TASKS);
    private TestDatabase database;

    @AfterEach
    void cleanUp() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(30, TimeUnit.SECONDS);
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void tasksStartingTogetherAllCreateOrFindTheTables(Dialect dialect) throws Exception {
        database = TestDatabase.create(dialect);
        database.execute("CREATE TABLE parcels (id BIGINT PRIMARY KEY, status VARCHAR(40), version BIGINT)");
        for (int round = 0; round < ROUNDS; round++) {
            Map<String, String> props = props("r" + round);
            CyclicBarrier together = new CyclicBarrier(TASKS);
            List<Future<?>> starts = new ArrayList<>();
            for (int t = 0; t < TASKS; t++) {
                starts.add(threads.submit(() -> {
                    CommandSinkTask task = new CommandSinkTask(config -> database.sinkConnection());
                    task.initialize(new FakeSinkTaskContext(true));
                    together.await();
                    try {
                        task.start(props);
                    } finally {
                        task.stop();
                    }
                    return null;
                }));
            }
            for (Future<?> start : starts) {
                start.get(60, TimeUnit.SECONDS);
            }
            assertThat(database.rows("SELECT COUNT(*) FROM " + dialect.quote("inbox_r" + round)))
                    .containsExactly(List.of("0"));
            assertThat(database.rows("SELECT COUNT(*) FROM " + dialect.quote("offsets_r" + round)))
                    .containsExactly(List.of("0"));
        }
    }

    /** Tables of their own per round, so that every round starts without them. */
    private Map<String, String> props(String round) {
        Map<String, String> props = database.connectionConfig();
        props.put("name", "parcels-sink");
        props.put("inbox.table", "inbox_" + round);
        props.put("offsets.table", "offsets_" + round);
        props.put("mappings", "parcels");
        props.put("mappings.parcels.topics", "parcels");
        props.put("mappings.parcels.table", "parcels");
        props.put("mappings.parcels.fields", "id, status, version");
        props.put("mappings.parcels.key.columns", "id");
        return props;
    }
}
