package io.domainbridge.testkit.rig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The Connect REST API of one worker over plain HTTP, as {@code curl} would use it. */
public final class ConnectRest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(90);

    private final String url;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** The worker's REST URL, ending in a slash or not. */
    public ConnectRest(String url) {
        this.url = url.endsWith("/") ? url : url + "/";
    }

    public String url() {
        return url;
    }

    public void put(String name, Map<String, String> config) {
        HttpResponse<String> response = send("PUT", "connectors/" + encode(name) + "/config", json(config));
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    "Connect refused connector " + name + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }

    public ConnectCluster.ConnectorStatus status(String name) {
        HttpResponse<String> response = send("GET", "connectors/" + encode(name) + "/status", null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "No status of connector " + name + ": HTTP " + response.statusCode() + " " + response.body());
        }
        JsonNode status = read(response.body());
        List<ConnectCluster.TaskStatus> tasks = new ArrayList<>();
        for (JsonNode task : status.path("tasks")) {
            tasks.add(new ConnectCluster.TaskStatus(
                    task.path("id").asInt(),
                    task.path("state").asText(),
                    task.hasNonNull("trace") ? task.get("trace").asText() : null));
        }
        return new ConnectCluster.ConnectorStatus(
                status.path("connector").path("state").asText(), tasks);
    }

    public void delete(String name) {
        HttpResponse<String> response = send("DELETE", "connectors/" + encode(name), null);
        if (response.statusCode() / 100 != 2 && response.statusCode() != 404) {
            throw new IllegalStateException(
                    "Connect did not delete connector " + name + ": HTTP " + response.statusCode());
        }
    }

    /** Whether the worker still reports a status for the connector (it forgets it once its tasks are stopped). */
    public boolean known(String name) {
        return send("GET", "connectors/" + encode(name) + "/status", null).statusCode() != 404;
    }

    public Map<String, String> validate(Map<String, String> config) {
        String connectorClass = config.get("connector.class");
        HttpResponse<String> response =
                send("PUT", "connector-plugins/" + encode(connectorClass) + "/config/validate", json(config));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Connect did not validate a " + connectorClass + " config: HTTP "
                    + response.statusCode() + " " + response.body());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        for (JsonNode entry : read(response.body()).path("configs")) {
            JsonNode value = entry.path("value");
            if (value.path("errors").size() > 0) {
                errors.put(
                        value.path("name").asText(), value.path("errors").get(0).asText());
            }
        }
        return errors;
    }

    public Set<String> connectorPlugins() {
        HttpResponse<String> response = send("GET", "connector-plugins", null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No plugin list from " + url + ": HTTP " + response.statusCode());
        }
        Set<String> classes = new LinkedHashSet<>();
        read(response.body()).forEach(plugin -> classes.add(plugin.path("class").asText()));
        return classes;
    }

    private HttpResponse<String> send(String method, String resource, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + resource))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Connect REST API at " + url + " unreachable (" + method + " " + resource + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + method + " " + resource, e);
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Connect answered with invalid JSON", e);
        }
    }
}
