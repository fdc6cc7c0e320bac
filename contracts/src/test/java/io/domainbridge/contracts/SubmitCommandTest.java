package io.domainbridge.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Submit against a stand-in for Connect's REST API that records the calls. */
class SubmitCommandTest {

    private HttpServer server;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile String validation = "{\"error_count\":0,\"configs\":[]}";
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            calls.add(
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath());
            byte[] body = (exchange.getRequestURI().getPath().endsWith("/validate") ? validation : "{}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private int submit() {
        ContractsCli.Arguments args = ContractsCli.Arguments.parse(List.of(
                "--connect-url", "http://127.0.0.1:" + server.getAddress().getPort(), Fixtures.SHIPPING.toString()));
        try {
            return new SubmitCommand(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err), n -> "x")
                    .run(args);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void validatesEveryConfigBeforePuttingAny() {
        assertThat(submit()).isEqualTo(ContractsCli.OK);
        assertThat(calls).hasSize(10);
        assertThat(calls.subList(0, 5))
                .allMatch(c -> c.startsWith("PUT /connector-plugins/") && c.endsWith("/validate"));
        assertThat(calls.subList(5, 10)).allMatch(c -> c.startsWith("PUT /connectors/") && c.endsWith("/config"));
        assertThat(calls).contains("PUT /connectors/billing-sink/config");
    }

    @Test
    void aValidationErrorIsReportedPerKeyAndNothingIsPut() {
        validation = "{\"error_count\":1,\"configs\":[{\"value\":{\"name\":\"connection.url\","
                + "\"errors\":[\"Invalid value\"]}}]}";
        assertThat(submit()).isEqualTo(ContractsCli.INVALID);
        assertThat(calls).noneMatch(c -> c.startsWith("PUT /connectors/"));
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("billing-sink: connection.url: Invalid value");
    }
}
