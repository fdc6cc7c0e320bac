package io.domainbridge.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads our model out of an AsyncAPI 3.0 document: each channel is a topic of one aggregate type, each message an
 * event type at one version, its payload the JSON Schema of the event's data.
 */
final class AsyncApiReader {

    static final String ENVELOPE = "x-domain-bridge-envelope";
    static final String AGGREGATE_TYPE = "x-domain-bridge-aggregate-type";
    static final String EVENT_VERSION = "x-domain-bridge-event-version";
    static final String DECIMAL = "x-domain-bridge-decimal";

    private AsyncApiReader() {}

    static EventContract read(Document doc, Problems problems) {
        JsonNode root = doc.root();
        LinkedHashMap<String, String> envelope = new LinkedHashMap<>();
        root.path(ENVELOPE)
                .fields()
                .forEachRemaining(e -> envelope.put(e.getKey(), e.getValue().asText()));
        List<EventContract.Event> events = new ArrayList<>();
        root.path("channels").fields().forEachRemaining(channel -> {
            String aggregate = channel.getValue().path(AGGREGATE_TYPE).asText();
            String topic = channel.getValue().path("address").asText();
            channel.getValue().path("messages").fields().forEachRemaining(m -> {
                String path = "/channels/" + channel.getKey() + "/messages/" + m.getKey();
                JsonNode message = resolve(root, m.getValue());
                if (message == null) {
                    problems.add(doc.file(), path, "$ref names no message of this document");
                    return;
                }
                List<EventContract.Field> fields = fields(doc, message.path("payload"), path + "/payload", problems);
                events.add(new EventContract.Event(
                        message.path("name").asText(),
                        message.path(EVENT_VERSION).asInt(1),
                        aggregate,
                        topic,
                        fields,
                        path));
            });
        });
        return new EventContract(
                doc.file(),
                envelope.getOrDefault("sourceDomain", ""),
                root.path("info").path("version").asText(),
                envelope,
                List.copyOf(events));
    }

    /** Follows local references ({@code #/a/b}), as many as there are; null when one names nothing. */
    static JsonNode resolve(JsonNode root, JsonNode node) {
        Set<String> seen = new HashSet<>();
        while (node != null && node.has("$ref")) {
            String ref = node.path("$ref").asText();
            if (!ref.startsWith("#/") || !seen.add(ref)) {
                return null;
            }
            JsonNode target = root.at(ref.substring(1));
            node = target.isMissingNode() ? null : target;
        }
        return node;
    }

    private static List<EventContract.Field> fields(Document doc, JsonNode schema, String path, Problems problems) {
        JsonNode payload = resolve(doc.root(), schema);
        List<EventContract.Field> fields = new ArrayList<>();
        if (payload == null || !"object".equals(payload.path("type").asText())) {
            problems.add(doc.file(), path, "the payload must be a JSON Schema of type object");
            return fields;
        }
        Set<String> required = new HashSet<>(OdcsReader.strings(payload.path("required")));
        for (Map.Entry<String, JsonNode> p : iterable(payload.path("properties"))) {
            String type = DataSchemaText.of(doc.root(), p.getValue());
            if (type == null) {
                problems.add(doc.file(), path + "/properties/" + p.getKey(), DataSchemaText.UNSUPPORTED);
                continue;
            }
            fields.add(new EventContract.Field(p.getKey(), type, required.contains(p.getKey())));
        }
        return List.copyOf(fields);
    }

    static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
