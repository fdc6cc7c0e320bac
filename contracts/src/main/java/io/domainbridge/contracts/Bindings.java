package io.domainbridge.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Our deployment file beside the contracts: the connectors that carry them. A source names the contract it
 * replicates or the domain whose events it publishes; a sink names its consumer domain and maps events or
 * replicated tables to statements or tables. Connector settings that no contract decides are given as they are.
 */
public record Bindings(Path file, List<Connector> connectors) {

    /** One connector: the file it compiles to is {@code <name>.json}. */
    public record Connector(
            String name,
            String replicates,
            String publishes,
            String consumer,
            LinkedHashMap<String, String> properties,
            List<Mapping> mappings,
            String path) {}

    /**
     * One sink mapping: the events or source tables it takes, its fields (source field to column, in order), a
     * description for the docs and the other mapping settings as they are.
     */
    public record Mapping(
            String alias,
            List<String> events,
            List<String> sourceTables,
            LinkedHashMap<String, String> fields,
            String description,
            LinkedHashMap<String, String> settings,
            String path) {}

    static Bindings read(Document doc) {
        List<Connector> connectors = new ArrayList<>();
        for (Map.Entry<String, JsonNode> c : AsyncApiReader.iterable(doc.root().path("connectors"))) {
            JsonNode node = c.getValue();
            String path = "/connectors/" + c.getKey();
            List<Mapping> mappings = new ArrayList<>();
            for (Map.Entry<String, JsonNode> m : AsyncApiReader.iterable(node.path("mappings"))) {
                mappings.add(mapping(m.getKey(), m.getValue(), path + "/mappings/" + m.getKey()));
            }
            connectors.add(new Connector(
                    c.getKey(),
                    node.path("replicates").asText(null),
                    node.path("publishes").asText(null),
                    node.path("consumer").asText(null),
                    texts(node.path("properties")),
                    List.copyOf(mappings),
                    path));
        }
        return new Bindings(doc.file(), List.copyOf(connectors));
    }

    private static Mapping mapping(String alias, JsonNode node, String path) {
        LinkedHashMap<String, String> settings = texts(node);
        settings.keySet().removeAll(List.of("events", "sourceTables", "fields", "description"));
        LinkedHashMap<String, String> fields = new LinkedHashMap<>();
        node.path("fields")
                .fields()
                .forEachRemaining(f -> fields.put(f.getKey(), f.getValue().asText()));
        return new Mapping(
                alias,
                OdcsReader.strings(node.path("events")),
                OdcsReader.strings(node.path("sourceTables")),
                fields,
                node.path("description").asText(null),
                settings,
                path);
    }

    private static LinkedHashMap<String, String> texts(JsonNode node) {
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
