package io.domainbridge.converters.avro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;

/**
 * A small client for the Confluent Schema Registry REST API (and the registries that implement it): registers Avro
 * schemas under a subject and looks them up by id or by GUID. Both directions are cached, so each schema costs one request per
 * converter; transient failures (connection errors, 5xx, 429) are retried with exponential backoff.
 */
public final class SchemaRegistryClient {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT =
            CONTENT_TYPE + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Retry policy and timeouts of the client. */
    public record Settings(Duration requestTimeout, int retries, Duration initialBackoff) {}

    private record SubjectSchema(String subject, org.apache.avro.Schema schema) {}

    private final URI baseUri;
    private final String location;
    private final String authorization;
    private final Settings settings;
    private final HttpClient http;
    private final Map<SubjectSchema, Integer> ids = new ConcurrentHashMap<>();
    private final Map<Integer, org.apache.avro.Schema> schemas = new ConcurrentHashMap<>();
    private final Map<UUID, org.apache.avro.Schema> schemasByGuid = new ConcurrentHashMap<>();

    /**
     * @param baseUrl the registry's URL, e.g. {@code http://registry:8081}
     * @param userInfo {@code user:password} for HTTP basic authentication, or {@code null}
     */
    public SchemaRegistryClient(String baseUrl, String userInfo, Settings settings) {
        String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        URI given = URI.create(trimmed);
        this.location = withoutUserInfo(given);
        this.baseUri = URI.create(location);
        String credentials = userInfo == null || userInfo.isEmpty() ? given.getUserInfo() : userInfo;
        this.authorization = credentials == null
                ? null
                : "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.requestTimeout())
                .build();
    }

    /** The registry's URL without credentials, fit for messages and the {@code dataschema} attribute. */
    public String location() {
        return location;
    }

    /** Registers a schema under a subject (an existing identical version is reused by the registry) and gives its id. */
    public int register(String subject, org.apache.avro.Schema schema) {
        Integer known = ids.get(new SubjectSchema(subject, schema));
        if (known != null) {
            return known;
        }
        String path = "/subjects/"
                + URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20") + "/versions";
        String body = JSON.createObjectNode().put("schema", schema.toString()).toString();
        HttpRequest request = request(path)
                .header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        JsonNode response = send(request, "POST /subjects/{subject}/versions for subject '" + subject + "'");
        int id = requiredId(response, subject);
        ids.put(new SubjectSchema(subject, schema), id);
        schemas.putIfAbsent(id, schema);
        return id;
    }

    /** The schema with a registry id. */
    public org.apache.avro.Schema schemaById(int id) {
        org.apache.avro.Schema known = schemas.get(id);
        if (known != null) {
            return known;
        }
        String path = "/schemas/ids/" + id;
        org.apache.avro.Schema schema = avroSchema(send(request(path).GET().build(), "GET " + path), "id " + id);
        org.apache.avro.Schema raced = schemas.putIfAbsent(id, schema);
        return raced == null ? schema : raced;
    }

    /** The schema with a GUID, which names a schema's content across the registry's contexts. */
    public org.apache.avro.Schema schemaByGuid(UUID guid) {
        org.apache.avro.Schema known = schemasByGuid.get(guid);
        if (known != null) {
            return known;
        }
        String path = "/schemas/guids/" + guid;
        org.apache.avro.Schema schema = avroSchema(send(request(path).GET().build(), "GET " + path), "GUID " + guid);
        org.apache.avro.Schema raced = schemasByGuid.putIfAbsent(guid, schema);
        return raced == null ? schema : raced;
    }

    private org.apache.avro.Schema avroSchema(JsonNode response, String what) {
        JsonNode text = response.get("schema");
        String type = response.path("schemaType").asText("AVRO");
        if (text == null || !text.isTextual() || !"AVRO".equals(type)) {
            throw new DataException("Schema registry at " + location + " returned no Avro schema for " + what);
        }
        return new org.apache.avro.Schema.Parser().parse(text.asText());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUri + path))
                .timeout(settings.requestTimeout())
                .header("Accept", ACCEPT);
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    private JsonNode send(HttpRequest request, String what) {
        Duration backoff = settings.initialBackoff();
        String lastProblem = null;
        for (int attempt = 0; attempt <= settings.retries(); attempt++) {
            if (attempt > 0) {
                pause(backoff);
                backoff = backoff.multipliedBy(2);
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return JSON.readTree(response.body());
                }
                if (status < 500 && status != 429 && status != 408) {
                    throw new DataException("Schema registry at " + location + " refused " + what + ": HTTP " + status
                            + errorMessage(response.body()));
                }
                lastProblem = "HTTP " + status + errorMessage(response.body());
            } catch (IOException e) {
                lastProblem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectException("Interrupted during " + what + " at schema registry " + location, e);
            }
        }
        throw new RetriableException("Schema registry at " + location + " unreachable for " + what + " after "
                + (settings.retries() + 1) + " attempts; last problem: " + lastProblem);
    }

    private static int requiredId(JsonNode response, String subject) {
        JsonNode id = response.get("id");
        if (id == null || !id.canConvertToInt()) {
            throw new DataException(
                    "Schema registry answered the registration for subject '" + subject + "' without a schema id");
        }
        return id.intValue();
    }

    private static String errorMessage(String body) {
        try {
            JsonNode error = JSON.readTree(body);
            JsonNode code = error.get("error_code");
            JsonNode message = error.get("message");
            return (code == null ? "" : " error " + code.asText()) + (message == null ? "" : ": " + message.asText());
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static void pause(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while waiting to retry the schema registry", e);
        }
    }

    private static String withoutUserInfo(URI uri) {
        if (uri.getUserInfo() == null) {
            return uri.toString();
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
