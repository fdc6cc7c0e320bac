package io.domainbridge.connectors;

import static io.domainbridge.connectors.ScratchSink.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.domainbridge.connectors.sink.Dialect;
import io.domainbridge.connectors.sink.SinkConnection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The inbox and offsets tables on real servers tell apart every id and topic that Java tells apart. */
class BookkeepingExactnessTest {

    private static final String EVENTS = "things";

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void idsDifferingOnlyByCaseAccentOrTrailingSpaceAreDistinctAndEachRedeliveryIsSkipped(Dialect dialect) {
        List<String> ids =
                List.of("order-1", "ORDER-1", "Order-1", "ordér-1", "orde\u0301r-1", "order-1 ", "order-1  ");
        assertOnceEach(dialect, ids);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void longIdsAreKeptWholeAndEachRedeliveryIsSkipped(Dialect dialect) {
        String prefix = "p".repeat(255);
        List<String> ids = List.of("x".repeat(1000), prefix + "-first", prefix + "-second", "\uD83D\uDE00".repeat(900));
        assertOnceEach(dialect, ids);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void topicsDifferingOnlyByCaseKeepTheirOwnOffsets(Dialect dialect) {
        TopicPartition upper = new TopicPartition("Rows", 0);
        TopicPartition lower = new TopicPartition("rows", 0);
        String longest = "t".repeat(248) + "T";
        TopicPartition longTopic = new TopicPartition(longest, 0);
        try (ScratchDatabase database = ScratchDatabase.create(dialect)) {
            try (ScratchSink sink = new ScratchSink(database, "offsets")) {
                sink.open(List.of(upper, lower, longTopic));
                sink.put(List.of(event("Rows", 0, 10, "a"), event("rows", 0, 3, "b"), event(longest, 0, 7, "c")));
            }
            try (ScratchSink restarted = new ScratchSink(database, "offsets")) {
                restarted.open(List.of(upper, lower, longTopic));
                assertThat(restarted.context.seeks).isEqualTo(Map.of(upper, 11L, lower, 4L, longTopic, 8L));
            }
        }
    }

    @Test
    void aConsumerNameLongerThanTheTablesHoldIsRefusedAtStart() {
        Map<String, String> props = Fixtures.config();
        props.put("consumer.name", "\uD83D\uDE00".repeat(Dialect.CONSUMER_NAME_MAX_LENGTH));
        assertThat(new CommandSinkConfig(props).consumerName()).hasSize(2 * Dialect.CONSUMER_NAME_MAX_LENGTH);
        props.put("consumer.name", "c".repeat(Dialect.CONSUMER_NAME_MAX_LENGTH + 1));
        assertThatThrownBy(() -> new CommandSinkConfig(props))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("consumer.name: ");
        props.remove("consumer.name");
        props.put("name", "n".repeat(Dialect.CONSUMER_NAME_MAX_LENGTH + 1));
        assertThatThrownBy(() -> new CommandSinkConfig(props)).isInstanceOf(ConfigException.class);
    }

    @Test
    void mariaDbSessionsAreStrictSoThatNothingIsTruncatedWithOnlyAWarning() throws SQLException {
        try (ScratchDatabase database = ScratchDatabase.create(Dialect.MARIADB);
                SinkConnection connection = new SinkConnection(
                        Dialect.MARIADB, database.url(), database.user(), new Password(database.password()));
                Statement statement = connection.get().createStatement();
                ResultSet mode = statement.executeQuery("SELECT @@SESSION.sql_mode")) {
            assertThat(mode.next()).isTrue();
            assertThat(mode.getString(1).split(",")).contains("STRICT_ALL_TABLES");
        }
    }

    /** Delivers the ids one per batch, then all of them again at later offsets: each must take effect once. */
    private static void assertOnceEach(Dialect dialect, List<String> ids) {
        try (ScratchDatabase database = ScratchDatabase.create(dialect);
                ScratchSink sink = new ScratchSink(database, "exactness")) {
            long offset = 0;
            for (String id : ids) {
                sink.put(List.of(event(EVENTS, 0, offset++, id)));
            }
            List<SinkRecord> again = new ArrayList<>();
            for (String id : ids) {
                again.add(event(EVENTS, 0, offset++, id));
            }
            sink.put(again);
            assertThat(sink.context.reported).as("dead-lettered records").isEmpty();
            assertThat(database.applied()).containsExactlyInAnyOrderElementsOf(ids);
        }
    }
}
