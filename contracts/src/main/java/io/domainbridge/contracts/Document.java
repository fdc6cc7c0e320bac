package io.domainbridge.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;

/** One contract file as read: its path, what standard it follows and its tree. */
public record Document(Path file, Kind kind, JsonNode root) {

    /** The three kinds of file the tool reads. */
    public enum Kind {
        /** Open Data Contract Standard v3.1: one replicated dataset. */
        ODCS,
        /** AsyncAPI 3.0: the command events of one producing domain. */
        ASYNCAPI,
        /** Ours: the connectors that deploy the contracts, with each sink's mappings. */
        BINDINGS
    }

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final String BINDINGS_FORMAT = "domain-bridge/bindings/v1";

    /** Reads a file; an unreadable file or one of no known kind is reported, not thrown. */
    public static Document read(Path file, Problems problems) {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            problems.add(file, "", "cannot be read as YAML: " + firstLine(e.getMessage()));
            return null;
        }
        if (root == null || !root.isObject()) {
            problems.add(file, "", "is not a YAML mapping");
            return null;
        }
        if (root.path("kind").asText().equals("DataContract") && root.has("apiVersion")) {
            return new Document(file, Kind.ODCS, root);
        }
        if (root.has("asyncapi")) {
            return new Document(file, Kind.ASYNCAPI, root);
        }
        if (BINDINGS_FORMAT.equals(root.path("format").asText())) {
            return new Document(file, Kind.BINDINGS, root);
        }
        problems.add(
                file,
                "",
                "is neither an ODCS data contract (kind: DataContract), an AsyncAPI document"
                        + " (asyncapi:) nor a bindings file (format: " + BINDINGS_FORMAT + ")");
        return null;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
