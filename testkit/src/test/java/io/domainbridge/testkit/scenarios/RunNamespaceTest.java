package io.domainbridge.testkit.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RunNamespaceTest {

    private static final RunNamespace RUN = RunNamespace.of("demo-1a2b3c");

    @Test
    void everyTopicNameOfEveryConnectorJsonMovesIntoTheNamespaceAndNothingElseChanges() throws IOException {
        List<Path> files = connectorJson();
        assertThat(files).hasSizeGreaterThan(10);
        for (Path file : files) {
            Map<String, String> config = read(file);
            Map<String, String> named = RUN.apply(config);
            assertThat(named.keySet()).as("%s keys", file).containsExactlyElementsOf(config.keySet());
            config.forEach((key, value) -> {
                String expected = namesTopics(key) ? prefixed(value) : value;
                assertThat(named.get(key)).as("%s: %s", file, key).isEqualTo(expected);
            });
        }
    }

    @Test
    void connectorNamesTakeThePrefixAndWithoutANamespaceNothingChanges() throws IOException {
        assertThat(RUN.connector("billing-sink")).isEqualTo("demo-1a2b3c-billing-sink");
        Map<String, String> config = read(connectorJson().get(0));
        assertThat(RunNamespace.none().apply(config)).isEqualTo(config);
        assertThat(RunNamespace.none().connector("billing-sink")).isEqualTo("billing-sink");
    }

    @Test
    void refusesWhatItCannotRename() {
        assertThatThrownBy(() -> RUN.apply(Map.of("topics.regex", "logistics\\..*")))
                .hasMessageContaining("topics.regex");
        assertThatThrownBy(() -> RunNamespace.of("demo 1")).isInstanceOf(IllegalArgumentException.class);
    }

    /** The oracle, written out key by key from what Connect, Debezium and the bundle read as topic names. */
    private static boolean namesTopics(String key) {
        return List.of("topic.prefix", "topics", "errors.deadletterqueue.topic.name")
                        .contains(key)
                || key.equals("transforms.envelope.topic.pattern")
                || key.equals("transforms.envelope.dead.letter.topic")
                || key.matches("mappings\\.[^.]+\\.topics");
    }

    private static String prefixed(String value) {
        return String.join(
                ",",
                Stream.of(value.split(",")).map(t -> "demo-1a2b3c-" + t.trim()).toList());
    }

    private static List<Path> connectorJson() throws IOException {
        try (Stream<Path> files = Files.walk(ScenarioDriver.CONNECT_CONFIGS)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static Map<String, String> read(Path file) throws IOException {
        return new ObjectMapper().readValue(Files.readString(file), new TypeReference<>() {});
    }
}
