package io.domainbridge.converters.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.domainbridge.converters.FakeSchemaRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Base64;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SchemaRegistryClientTest {

    private static final SchemaRegistryClient.Settings FAST =
            new SchemaRegistryClient.Settings(Duration.ofSeconds(5), 3, Duration.ofMillis(10));
    private static final org.apache.avro.Schema SCHEMA = new org.apache.avro.Schema.Parser()
            .parse("{\"type\":\"record\",\"name\":\"Shipped\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}");

    private FakeSchemaRegistry registry;

    @BeforeEach
    void start() throws IOException {
        registry = new FakeSchemaRegistry();
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void registersUnderTheSubjectAndCachesTheId() {
        SchemaRegistryClient client = new SchemaRegistryClient(registry.url(), null, FAST);

        int id = client.register("orders-value", SCHEMA);
        int again = client.register("orders-value", SCHEMA);

        assertThat(again).isEqualTo(id);
        assertThat(registry.requests()).containsExactly("POST /subjects/orders-value/versions");
        assertThat(registry.subjects()).containsKey("orders-value");
    }

    @Test
    void looksSchemasUpByIdOnce() {
        int id = registry.register("orders-value", SCHEMA.toString());
        SchemaRegistryClient client = new SchemaRegistryClient(registry.url(), null, FAST);

        assertThat(client.schemaById(id)).isEqualTo(SCHEMA);
        assertThat(client.schemaById(id)).isEqualTo(SCHEMA);
        assertThat(registry.requests()).containsExactly("GET /schemas/ids/" + id);
    }

    @Test
    void knowsTheSchemasItRegisteredWithoutALookup() {
        SchemaRegistryClient client = new SchemaRegistryClient(registry.url(), null, FAST);

        int id = client.register("orders-value", SCHEMA);

        assertThat(client.schemaById(id)).isEqualTo(SCHEMA);
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void encodesSubjectsInThePath() {
        SchemaRegistryClient client = new SchemaRegistryClient(registry.url(), null, FAST);

        client.register("com.example/Order Shipped", SCHEMA);

        assertThat(registry.requests()).containsExactly("POST /subjects/com.example%2FOrder%20Shipped/versions");
        assertThat(registry.subjects()).containsKey("com.example/Order Shipped");
    }

    @Test
    void retriesTransientFailures() {
        registry.failNext(2);
        SchemaRegistryClient client = new SchemaRegistryClient(registry.url(), null, FAST);

        client.register("orders-value", SCHEMA);

        assertThat(registry.requests()).hasSize(3);
    }

    @Test
    void givesUpWithARetriableErrorNamingTheRegistry() {
        registry.failNext(10);
        SchemaRegistryClient client = new SchemaRegistryClient(registry.url(), null, FAST);

        assertThatThrownBy(() -> client.register("orders-value", SCHEMA))
                .isInstanceOf(RetriableException.class)
                .hasMessageContaining(registry.url())
                .hasMessageContaining("after 4 attempts")
                .hasMessageContaining("HTTP 503 error 50003");
        assertThat(registry.requests()).hasSize(4);
    }

    @Test
    void reportsAnUnreachableRegistryClearly() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort;
        SchemaRegistryClient client = new SchemaRegistryClient(url, null, FAST);

        assertThatThrownBy(() -> client.schemaById(1))
                .isInstanceOf(RetriableException.class)
                .hasMessageContaining("Schema registry at " + url + " unreachable for GET /schemas/ids/1")
                .hasMessageContaining("ConnectException");
    }

    @Test
    void doesNotRetryWhatTheRegistryRefuses() {
        SchemaRegistryClient client = new SchemaRegistryClient(registry.url(), null, FAST);

        assertThatThrownBy(() -> client.schemaById(99))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("HTTP 404 error 40403: Schema not found");
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void authenticatesWithoutShowingTheCredentials() {
        String withCredentials = registry.url().replace("http://", "http://reader:s3cret@");
        SchemaRegistryClient client = new SchemaRegistryClient(withCredentials, null, FAST);
        registry.failNext(10);

        assertThatThrownBy(() -> client.register("orders-value", SCHEMA)).hasMessageNotContaining("s3cret");
        assertThat(client.location()).isEqualTo(registry.url());
        String expected = "Basic " + Base64.getEncoder().encodeToString("reader:s3cret".getBytes());
        assertThat(registry.authorizations()).first().isEqualTo(expected);
    }
}
