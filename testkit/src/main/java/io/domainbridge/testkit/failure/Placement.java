package io.domainbridge.testkit.failure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Where Connect runs one connector instance or one of its tasks, and in which state, as
 * {@code GET /connectors/NAME/status} reports it. Entries of a worker that died stay as they were until Connect
 * assigns the work to another worker.
 */
public record Placement(String connector, String unit, boolean task, String state, String workerId) {

    public static final String RUNNING = "RUNNING";
    public static final String FAILED = "FAILED";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The placement of every connector instance and task of the given connectors, asked of one worker. */
    public static List<Placement> read(String worker, Collection<String> connectors) {
        List<Placement> placements = new ArrayList<>();
        for (String name : connectors) {
            JsonNode status = status(worker, name);
            JsonNode connector = status.path("connector");
            placements.add(new Placement(
                    name,
                    name,
                    false,
                    connector.path("state").asText(),
                    connector.path("worker_id").asText()));
            for (JsonNode task : status.path("tasks")) {
                placements.add(new Placement(
                        name,
                        name + "-" + task.path("id").asInt(),
                        true,
                        task.path("state").asText(),
                        task.path("worker_id").asText()));
            }
        }
        return placements;
    }

    private static JsonNode status(String worker, String connector) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://" + worker + "/connectors/" + connector + "/status"))
                .timeout(Duration.ofSeconds(10))
                .build();
        try {
            var response = HTTP.send(request, BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Status of " + connector + " from worker " + worker + ": HTTP "
                        + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean runsOn(String worker) {
        return state.equals(RUNNING) && workerId.equals(worker);
    }
}
