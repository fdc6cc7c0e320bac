package io.domainbridge.converters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The two endpoints of the Confluent Schema Registry REST API the converter uses, on a loopback port:
 * {@code POST /subjects/{subject}/versions} with {@code {"schema": "..."}} answering {@code {"id": n}} (the same id for
 * the same schema text), and {@code GET /schemas/ids/{id}} answering {@code {"schema": "..."}}, or 404 with
 * {@code {"error_code": 40403, "message": "Schema not found"}}, and {@code GET /schemas/guids/{guid}} the same way for
 * the GUID it gives each schema.
 */
public final class FakeSchemaRegistry implements AutoCloseable {

    static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, Integer> idsBySchema = new ConcurrentHashMap<>();
    private final Map<Integer, String> schemasById = new ConcurrentHashMap<>();
    private final Map<Integer, UUID> guidsById = new ConcurrentHashMap<>();
    private final Map<String, List<Integer>> subjects = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final AtomicInteger failuresToServe = new AtomicInteger();

    public FakeSchemaRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests as "METHOD path". */
    public List<String> requests() {
        return requests;
    }

    public List<String> authorizations() {
        return authorizations;
    }

    public Map<String, List<Integer>> subjects() {
        return subjects;
    }

    /** The next {@code count} requests get HTTP 503. */
    public void failNext(int count) {
        failuresToServe.set(count);
    }

    public String schemaText(int id) {
        return schemasById.get(id);
    }

    /** The GUID of a registered schema. */
    public UUID guid(int id) {
        return guidsById.get(id);
    }

    /** Registers a schema directly, as another producer would have. */
    public int register(String subject, String schema) {
        int id = idsBySchema.computeIfAbsent(schema, s -> nextId.getAndIncrement());
        schemasById.put(id, schema);
        guidsById.computeIfAbsent(id, i -> UUID.randomUUID());
        subjects.computeIfAbsent(subject, s -> new CopyOnWriteArrayList<>()).add(id);
        return id;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        requests.add(method + " " + path);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            authorizations.add(authorization);
        }
        if (failuresToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            respond(exchange, 503, error(50003, "Error while forwarding the request to the leader"));
            return;
        }
        if (method.equals("POST") && path.matches("/subjects/[^/]+/versions")) {
            registerRequest(exchange, URLDecoder.decode(path.split("/")[2], StandardCharsets.UTF_8));
        } else if (method.equals("GET") && path.matches("/schemas/ids/\\d+")) {
            String schema = schemasById.get(Integer.parseInt(path.substring("/schemas/ids/".length())));
            respond(
                    exchange,
                    schema == null ? 404 : 200,
                    schema == null
                            ? error(40403, "Schema not found")
                            : JSON.createObjectNode().put("schema", schema).toString());
        } else if (method.equals("GET") && path.startsWith("/schemas/guids/")) {
            String guid = path.substring("/schemas/guids/".length());
            String schema = guidsById.entrySet().stream()
                    .filter(entry -> entry.getValue().toString().equals(guid))
                    .map(entry -> schemasById.get(entry.getKey()))
                    .findFirst()
                    .orElse(null);
            respond(
                    exchange,
                    schema == null ? 404 : 200,
                    schema == null
                            ? error(40403, "Schema not found")
                            : JSON.createObjectNode().put("schema", schema).toString());
        } else {
            respond(exchange, 404, error(404, "HTTP 404 Not Found"));
        }
    }

    private void registerRequest(HttpExchange exchange, String subject) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        if (!MEDIA_TYPE.equals(contentType) || !body.path("schema").isTextual()) {
            respond(exchange, 422, error(42201, "Invalid schema"));
            return;
        }
        int id = register(subject, body.get("schema").asText());
        respond(exchange, 200, JSON.createObjectNode().put("id", id).toString());
    }

    private static String error(int code, String message) {
        return JSON.createObjectNode()
                .put("error_code", code)
                .put("message", message)
                .toString();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", MEDIA_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
