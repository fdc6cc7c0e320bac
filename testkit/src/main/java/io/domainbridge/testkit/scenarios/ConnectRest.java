package io.domainbridge.testkit.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

/**
 * The Connect REST calls of the operations runbook, spelled as an operator sends them with {@code curl}: the method
 * and the path below the worker's URL. A call Connect refuses fails naming the call and Connect's answer.
 */
public final class ConnectRest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;

    /** The worker's REST URL, ending in a slash. */
    public ConnectRest(String url) {
        this.url = url;
    }

    /** {@code curl -X METHOD URL/PATH}: the response body of a 2xx answer. */
    public String call(String method, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(60))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        method + " " + path + ": HTTP " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The connector's state and how many tasks it has, as {@code GET /connectors/NAME/status} says. */
    public String state(String connector) {
        try {
            JsonNode status = JSON.readTree(call("GET", "connectors/" + connector + "/status"));
            return status.path("connector").path("state").asText() + " with "
                    + status.path("tasks").size() + " tasks";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
