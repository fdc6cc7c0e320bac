package io.domainbridge.transforms.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import io.domainbridge.events.EventEnvelope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;

/**
 * The data and envelope schemas of every event kind: declared ones built once at configuration, inferred ones
 * (when enabled) cached per event type and shape, so records of the same shape share one schema instance.
 */
public final class EventCatalog {

    /** The schema of an event's data and of the envelope around it; {@code declared} false for inferred ones. */
    public record EventSchemas(Schema data, Schema envelope, boolean declared) {}

    private static final int MAX_INFERRED_SHAPES = 32;

    private final Map<String, Map<Integer, EventSchemas>> declared = new HashMap<>();
    private final boolean inferUndeclared;
    private final Map<String, List<EventSchemas>> inferred = new ConcurrentHashMap<>();

    /** @param declarations the compact declarations, see {@link #validateDeclarations} */
    public EventCatalog(String declarations, boolean inferUndeclared) {
        DataSchemaSyntax.parse(declarations)
                .forEach((kind, data) -> declared.computeIfAbsent(kind.type(), type -> new HashMap<>())
                        .put(kind.version(), new EventSchemas(data, EventEnvelope.schema(data), true)));
        this.inferUndeclared = inferUndeclared;
    }

    /** The declared event kinds in order ({@code type@version}), and what happens to undeclared ones. */
    public String summary() {
        List<String> kinds = declared.entrySet().stream()
                .flatMap(type -> type.getValue().keySet().stream()
                        .map(version -> new EventKind(type.getKey(), version).toString()))
                .sorted()
                .toList();
        return kinds.size() + " declared event kind(s) " + kinds + ", undeclared types "
                + (inferUndeclared ? "inferred" : "rejected");
    }

    /** Throws an {@link IllegalArgumentException} saying where the declarations are malformed. */
    public static void validateDeclarations(String declarations) {
        DataSchemaSyntax.parse(declarations);
    }

    /** The schemas for an event of the given type and version whose payload is {@code payload}. */
    EventSchemas schemasFor(String type, Integer version, JsonNode payload) {
        Map<Integer, EventSchemas> versions = declared.get(type);
        if (versions != null) {
            EventSchemas schemas = versions.containsKey(version) ? versions.get(version) : versions.get(null);
            if (schemas != null) {
                return schemas;
            }
        }
        if (!inferUndeclared) {
            throw new DataException("No data schema is declared for event " + new EventKind(type, version)
                    + " (declare it in data.schemas, or set undeclared.event.behavior=infer)");
        }
        return inferred(type, payload);
    }

    private EventSchemas inferred(String type, JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            throw new DataException("Payload of event " + new EventKind(type, null)
                    + " must be a JSON object for its schema to be inferred");
        }
        Schema data = SchemaInference.infer(payload, DataSchemaSyntax.dataSchemaName(type));
        List<EventSchemas> shapes = inferred.computeIfAbsent(type, t -> new ArrayList<>());
        synchronized (shapes) {
            for (EventSchemas known : shapes) {
                if (known.data().equals(data)) {
                    return known;
                }
            }
            if (shapes.size() >= MAX_INFERRED_SHAPES) {
                shapes.remove(0);
            }
            EventSchemas schemas = new EventSchemas(data, EventEnvelope.schema(data), false);
            shapes.add(schemas);
            return schemas;
        }
    }
}
