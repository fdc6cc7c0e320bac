package io.domainbridge.it.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.domainbridge.testkit.rig.ConnectStack;
import io.domainbridge.testkit.rig.PluginArchive;
import io.domainbridge.testkit.sink.ConsumerDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values that look like SQL reach the command sink's tables verbatim, as bound parameters, and run nothing;
 * identifiers that would end a statement are quoted in the consumer database's own dialect.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SqlInjectionIT {

    private static final String TOPIC = "injection.events";
    private static final List<String> HOSTILE = List.of(
            "'; drop table canary; --",
            "\" or 1=1 --",
            "$$; drop table canary; $$",
            "\\'; delete from canary; --\\",
            "Robert'); DROP TABLE canary;--",
            "\u2019; drop table canary; \u201c--\u201d",
            "1; update canary set v = 'owned'",
            ":data.v :aggregateid ? $1");

    /** Legal identifiers (no quotes, dots or blanks) that would run a second statement if spliced in unquoted. */
    private static final String WEIRD_TABLE = "notes;drop/**/table/**/canary;--";

    private static final String WEIRD_COLUMN = "v;delete/**/from/**/canary";
    private static final String WEIRD_INBOX = "inbox;drop/**/table/**/canary";
    private static final String TABLES = "canary,notes,statuses," + WEIRD_TABLE;

    private final ObjectMapper json = new ObjectMapper();
    private ConsumerDatabase database;
    private ConnectStack stack;
    private EmbeddedConnectCluster connect;

    @BeforeAll
    void start(@TempDir Path pluginPath) {
        database = openDatabase();
        database.execute(
                "create table canary (id int primary key, v varchar(100) not null)",
                "insert into canary values (1, 'untouched')",
                "create table notes (id varchar(64) primary key, v text)",
                "create table statuses (id varchar(64) primary key, v text)",
                "create table " + quote(WEIRD_TABLE) + " (id varchar(64) primary key, " + quote(WEIRD_COLUMN)
                        + " text)");
        PluginArchive.installInto(pluginPath);
        stack = ConnectStack.start(getClass().getSimpleName(), pluginPath, 1);
        connect = stack.cluster();
        connect.kafka().createTopic(TOPIC, 1);
    }

    /** A fresh consumer database on the server under test. */
    abstract ConsumerDatabase openDatabase();

    /** An identifier quoted the way the server under test quotes it. */
    abstract String quote(String identifier);

    /** A statement that inserts {@code :data.id} and {@code :data.v} into statuses, or updates v on a duplicate id. */
    abstract String upsertStatement();

    /** An SQL expression naming the schema the tables were created in. */
    abstract String currentSchema();

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void hostileValuesAreStoredVerbatimAndRunNothing() throws Exception {
        connect.configureConnector("injection-sink", sinkConfig());
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("injection-sink", 1, "sink not running");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < HOSTILE.size(); i++) {
            String id = "k" + i;
            connect.kafka().produce(TOPIC, id, event("n-" + i, "NoteWritten", id, HOSTILE.get(i)));
            connect.kafka().produce(TOPIC, id, event("s-" + i, "StatusSet", id, HOSTILE.get(i)));
            expected.add(id + "|" + HOSTILE.get(i));
        }

        await().atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> {
                    assertThat(database.column("select concat(id, '|', v) from notes order by id"))
                            .containsExactlyElementsOf(expected);
                    assertThat(database.column("select concat(id, '|', v) from statuses order by id"))
                            .containsExactlyElementsOf(expected);
                });
        assertCanaryUntouched();
        connect.deleteConnector("injection-sink");
    }

    @Test
    void identifiersWithSemicolonsAreQuotedAndRunNothing() throws Exception {
        Map<String, String> config = sinkConfig();
        config.keySet().removeIf(key -> key.startsWith("mappings."));
        config.put("topics", "weird.events");
        config.put("consumer.name", "weird");
        config.put("inbox.table", WEIRD_INBOX);
        config.put("mappings", "weird");
        config.put("mappings.weird.event.types", "NoteWritten");
        config.put("mappings.weird.table", WEIRD_TABLE);
        config.put("mappings.weird.fields", "data.id:id, data.v:" + WEIRD_COLUMN);
        config.put("mappings.weird.key.columns", "id");
        connect.kafka().createTopic("weird.events", 1);
        connect.configureConnector("weird-sink", config);
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("weird-sink", 1, "sink not running");
        connect.kafka().produce("weird.events", "w1", event("w-1", "NoteWritten", "w1", HOSTILE.get(0)));

        String query = "select concat(id, '|', " + quote(WEIRD_COLUMN) + ") from " + quote(WEIRD_TABLE);
        await().atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> assertThat(database.column(query)).containsExactly("w1|" + HOSTILE.get(0)));
        assertThat(database.column("select count(*) from " + quote(WEIRD_INBOX)))
                .containsExactly("1");
        connect.deleteConnector("weird-sink");
        assertCanaryUntouched();
    }

    @Test
    void identifiersWithQuotesAreRejectedByValidation() {
        for (String quote : List.of("\"", "`")) {
            Map<String, String> config = sinkConfig();
            config.put("mappings.notes.table", "notes" + quote + "; drop table canary; --");
            config.put(
                    "mappings.notes.fields", "data.id:id, data.v:" + quote + "v" + quote + "; drop table canary; --");

            ConfigInfos result = connect.validateConnectorConfig("CommandSinkConnector", config);

            assertThat(result.configs().stream()
                            .filter(info -> !info.configValue().errors().isEmpty())
                            .map(info -> info.configValue().name()))
                    .as("identifiers with %s", quote)
                    .contains("mappings.notes.table", "mappings.notes.fields");
        }
        assertCanaryUntouched();
    }

    private void assertCanaryUntouched() {
        assertThat(database.column("select concat(id, ':', v) from canary")).containsExactly("1:untouched");
        assertThat(database.column("select table_name from information_schema.tables where table_schema = "
                        + currentSchema()
                        + " and table_name not like 'domainbridge%' and table_name not like 'inbox%'"
                        + " order by table_name"))
                .containsExactlyInAnyOrder(TABLES.split(",", 4));
    }

    private String event(String id, String type, String aggregateId, String value) throws Exception {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", id);
        event.put("type", type);
        event.put("source", "/hostile/" + aggregateId);
        event.put("aggregatetype", "note");
        event.put("aggregateid", aggregateId);
        event.put("sourcedomain", "hostile");
        event.put("data", Map.of("id", aggregateId, "v", value));
        return json.writeValueAsString(event);
    }

    private Map<String, String> sinkConfig() {
        Map<String, String> config = database.sinkConfig(TOPIC);
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "false");
        config.put("mappings", "notes,statuses");
        config.put("mappings.notes.event.types", "NoteWritten");
        config.put("mappings.notes.table", "notes");
        config.put("mappings.notes.fields", "data.id:id, data.v:v");
        config.put("mappings.notes.key.columns", "id");
        config.put("mappings.statuses.event.types", "StatusSet");
        config.put("mappings.statuses.action", "statement");
        config.put("mappings.statuses.statement", upsertStatement());
        return config;
    }
}
