package io.domainbridge.it.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domainbridge.testkit.hardening.InvalidConfigs;
import io.domainbridge.testkit.rig.ConnectStack;
import io.domainbridge.testkit.rig.PluginArchive;
import io.domainbridge.testkit.rig.PostgresDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hundreds of invalid configurations of the command sink, our transforms and our converter, sent to Connect's REST
 * API as a user would: each is answered 200 with an error on the key at fault, never a 5xx, and never with a secret.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadConfigurationIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private PostgresDatabase database;
    private ConnectStack stack;
    private EmbeddedConnectCluster connect;
    private InvalidConfigs corpus;
    private String restUrl;

    @BeforeAll
    void start(@TempDir Path pluginPath) {
        database = PostgresDatabase.create("badconfig");
        database.inTransaction("create table canary (id text primary key, v text)");
        PluginArchive.installInto(pluginPath);
        stack = ConnectStack.start(getClass().getSimpleName(), pluginPath, 1);
        connect = stack.cluster();
        restUrl = connect.endpointForResource("connector-plugins").replaceAll("/connector-plugins$", "");
        corpus = new InvalidConfigs(sinkBase(), debeziumBase());
    }

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
    void theValidBaseConfigurationsHaveNoErrors() {
        for (String plugin : List.of(InvalidConfigs.SINK, InvalidConfigs.DEBEZIUM)) {
            HttpResponse<String> response = validate(plugin, corpus.base(plugin));
            assertThat(response.statusCode()).as(plugin).isEqualTo(200);
            assertThat(errors(response.body())).as(plugin).isEmpty();
            assertThat(response.body()).as(plugin).doesNotContain(InvalidConfigs.SECRET);
        }
    }

    @Test
    void everyInvalidConfigurationIsReportedOnItsKeyWithoutServerErrorsOrSecrets() {
        List<InvalidConfigs.Case> cases = corpus.all();
        assertThat(cases).hasSizeGreaterThan(300);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        cases.parallelStream().forEach(invalid -> check(invalid).ifPresent(failures::add));
        assertThat(failures).as("cases that failed, of " + cases.size()).isEmpty();
    }

    @Test
    void anInvalidConfigurationIsRejectedOnCreationAndStartsNoTask() throws Exception {
        Map<String, String> config = new LinkedHashMap<>(corpus.base(InvalidConfigs.SINK));
        config.put("mappings.u.delete.policy", "explode");
        config.put("name", "rejected-sink");
        HttpResponse<String> response = http.send(
                request("/connectors/rejected-sink/config", JSON.writeValueAsString(config)),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(response.body()).contains("1 error").doesNotContain(InvalidConfigs.SECRET);
        assertThat(connect.connectors()).doesNotContain("rejected-sink");
        assertThat(database.column("select count(*) from canary")).containsExactly("0");
    }

    private java.util.Optional<String> check(InvalidConfigs.Case invalid) {
        HttpResponse<String> response = validate(invalid.plugin(), invalid.config());
        String body = response.body();
        if (response.statusCode() != 200) {
            return java.util.Optional.of(invalid + " -> HTTP " + response.statusCode() + " " + body);
        }
        if (body.contains(InvalidConfigs.SECRET)) {
            return java.util.Optional.of(invalid + " -> the secret is in the response");
        }
        Map<String, List<String>> errors = errors(body);
        if (errorCount(body) <= 0 || errors.isEmpty()) {
            return java.util.Optional.of(invalid + " -> error_count " + errorCount(body) + ", errors: " + errors);
        }
        if (!errors.containsKey(invalid.expectedKey())) {
            return java.util.Optional.of(invalid + " -> no error on " + invalid.expectedKey() + ", errors: " + errors);
        }
        return java.util.Optional.empty();
    }

    /** Connect counts the keys that have errors. */
    private static int errorCount(String body) {
        try {
            return JSON.readTree(body).path("error_count").asInt(-1);
        } catch (IOException e) {
            throw new UncheckedIOException(body, e);
        }
    }

    /** Error messages by key, from the validate response. */
    private static Map<String, List<String>> errors(String body) {
        try {
            JsonNode root = JSON.readTree(body);
            Map<String, List<String>> errors = new LinkedHashMap<>();
            for (JsonNode config : root.get("configs")) {
                JsonNode value = config.path("value");
                List<String> messages = new ArrayList<>();
                value.path("errors").forEach(message -> messages.add(message.asText()));
                if (!messages.isEmpty()) {
                    errors.put(value.get("name").asText(), messages);
                }
            }
            return errors;
        } catch (IOException e) {
            throw new UncheckedIOException(body, e);
        }
    }

    private HttpResponse<String> validate(String plugin, Map<String, String> config) {
        try {
            String path = "/connector-plugins/" + plugin + "/config/validate";
            return http.send(request(path, JSON.writeValueAsString(config)), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest request(String path, String body) {
        return HttpRequest.newBuilder(URI.create(restUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private Map<String, String> sinkBase() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "io.domainbridge.connectors.CommandSinkConnector");
        config.put("name", "validated-sink");
        config.put("topics", "events");
        config.put(
                "connection.url",
                "jdbc:postgresql://" + database.host() + ":" + database.port() + "/" + database.name());
        config.put("connection.user", database.user());
        config.put("mappings", "m,u");
        config.put("mappings.m.event.types", "StatusChanged");
        config.put("mappings.m.action", "statement");
        config.put("mappings.m.statement", "UPDATE canary SET v = :data.v WHERE id = :aggregateid");
        config.put("mappings.u.event.types", "Registered");
        config.put("mappings.u.table", "canary");
        config.put("mappings.u.fields", "data.id:id, data.v:v, data.v2:v2");
        config.put("mappings.u.key.columns", "id");
        return config;
    }

    private Map<String, String> debeziumBase() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        config.put("name", "validated-source");
        config.put("plugin.name", "pgoutput");
        config.put("database.hostname", database.host());
        config.put("database.port", Integer.toString(database.port()));
        config.put("database.user", database.user());
        config.put("database.dbname", database.name());
        config.put("topic.prefix", database.name());
        config.put("slot.name", PostgresDatabase.uniqueName("slot"));
        return config;
    }
}
