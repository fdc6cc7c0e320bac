package io.domainbridge.connectors;

import static io.domainbridge.connectors.ScratchSink.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.domainbridge.connectors.sink.Dialect;
import io.domainbridge.connectors.sink.InboxTable;
import io.domainbridge.connectors.sink.OffsetsTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Inbox and offsets tables made by the first version of the sink, with its DDL. */
class BookkeepingUpgradeTest {

    private static final String INBOX = "domainbridge_inbox";
    private static final String OFFSETS = "domainbridge_offsets";
    private static final String CONSUMER = "upgrade";
    private static final String EVENTS = "things";

    private static void createFirstVersionTables(ScratchDatabase database) {
        String timestamp = database.dialect == Dialect.POSTGRESQL ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMP(6)";
        database.execute(
                "CREATE TABLE domainbridge_inbox (consumer VARCHAR(255) NOT NULL, event_id VARCHAR(255) NOT NULL,"
                        + " applied_at " + timestamp + " NOT NULL, PRIMARY KEY (consumer, event_id))",
                "CREATE TABLE domainbridge_offsets (consumer VARCHAR(255) NOT NULL, topic VARCHAR(255) NOT NULL,"
                        + " kafka_partition INT NOT NULL, next_offset BIGINT NOT NULL, updated_at " + timestamp
                        + " NOT NULL, PRIMARY KEY (consumer, topic, kafka_partition))",
                "INSERT INTO domainbridge_inbox VALUES ('upgrade', 'Event-1', CURRENT_TIMESTAMP)",
                "INSERT INTO domainbridge_offsets VALUES ('upgrade', 'things', 0, 5, CURRENT_TIMESTAMP)");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void firstVersionTablesAreRefusedWithTheStatementsThatUpgradeThemAndKeepTheirRows(Dialect dialect)
            throws SQLException {
        try (ScratchDatabase database = ScratchDatabase.create(dialect)) {
            createFirstVersionTables(database);
            List<String> upgrade = new ArrayList<>();
            try (Connection connection = database.connect()) {
                upgrade.addAll(new InboxTable(dialect, INBOX, CONSUMER).upgradeStatements(connection));
                upgrade.addAll(new OffsetsTable(dialect, OFFSETS, CONSUMER).upgradeStatements(connection));
            }
            assertThat(upgrade).isNotEmpty();
            for (String statement : upgrade) {
                // the refusal names the table and every statement of the upgrade that concerns it
                String table = statement.contains(INBOX) ? INBOX : OFFSETS;
                assertThatThrownBy(() -> new ScratchSink(database, CONSUMER).close())
                        .isInstanceOf(ConnectException.class)
                        .hasMessageContaining("The " + (table.equals(INBOX) ? "inbox" : "offsets") + " table " + table
                                + " was made by an earlier version")
                        .hasMessageContaining(statement + ";");
                database.execute(statement);
            }
            TopicPartition things = new TopicPartition(EVENTS, 0);
            try (ScratchSink sink = new ScratchSink(database, CONSUMER)) {
                sink.open(List.of(things));
                assertThat(sink.context.seeks).isEqualTo(Map.of(things, 5L));
                sink.put(List.of(event(EVENTS, 0, 5, "Event-1"), event(EVENTS, 0, 6, "event-1")));
            }
            assertThat(database.applied())
                    .as("the id stored before the upgrade is still a duplicate")
                    .containsExactly("event-1");
        }
    }
}
