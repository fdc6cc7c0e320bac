package io.domainbridge.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.domainbridge.connectors.sink.SinkConnection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The task says at start, in one INFO line, what it will do: mappings, dialect, tables; never how it connects. */
class StartupLogTest {

    private static final String PASSWORD = "s3cr3t-sink-password";
    private static final String URL_PASSWORD = "url-borne-password";

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getLevel() + " " + new SimpleFormatter().formatMessage(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private final Logger taskLog = Logger.getLogger(CommandSinkTask.class.getName());
    private final FakeDatabase database = new FakeDatabase();
    private CommandSinkTask task;

    @AfterEach
    void stop() {
        taskLog.removeHandler(capture);
        if (task != null) {
            task.stop();
        }
    }

    @Test
    void theTaskSummarisesItsMappingsWithoutConnectionSecrets() {
        Map<String, String> props = Fixtures.config();
        props.put("connection.url", "jdbc:postgresql://sink-host:5432/customer?user=sink&password=" + URL_PASSWORD);
        props.put("connection.user", "sink-user");
        props.put("connection.password", PASSWORD);
        taskLog.addHandler(capture);
        task = new CommandSinkTask(config -> new SinkConnection(database::connection));
        task.initialize(new FakeSinkTaskContext(true));

        task.start(props);

        List<String> info = logged.stream()
                .filter(line -> line.startsWith(Level.INFO + " "))
                .toList();
        assertThat(info).hasSize(1);
        assertThat(info.get(0))
                .contains("'customer-service-sink'", "POSTGRESQL", "2 mapping(s)")
                .contains("status: statement for 1 event type(s), 0 topic(s), 0 source table(s)")
                .contains("customers: upsert into crm.customer (3 column(s), delete policy delete,"
                        + " version column row_version) for 0 event type(s), 0 topic(s), 1 source table(s)")
                .doesNotContain(PASSWORD, URL_PASSWORD, "sink-host", "sink-user", "PackageStatusChanged");
    }
}
