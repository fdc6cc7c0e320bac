package io.domainbridge.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Validates each file against the JSON Schemas that apply to it: the official AsyncAPI 3.0 schema, and our schema of
 * the {@code x-domain-bridge} extensions of each kind of file. The schemas are loaded once per run.
 */
final class SchemaValidation {

    static final String SCHEMAS = "/io/domainbridge/contracts/schemas/";

    private final Map<Document.Kind, List<Schema>> schemas = new EnumMap<>(Document.Kind.class);

    SchemaValidation() {
        SchemaRegistryConfig config =
                SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12, b -> b.schemaRegistryConfig(config));
        schemas.put(Document.Kind.ODCS, List.of(load(registry, "domain-bridge-odcs.schema.json")));
        schemas.put(
                Document.Kind.ASYNCAPI,
                List.of(
                        load(registry, "asyncapi/asyncapi-3.0.0.json"),
                        load(registry, "domain-bridge-asyncapi.schema.json")));
        schemas.put(Document.Kind.BINDINGS, List.of(load(registry, "domain-bridge-bindings.schema.json")));
    }

    /** Adds one problem per schema violation; returns whether the file passed every schema. */
    boolean validate(Document doc, Problems problems) {
        boolean valid = true;
        for (Schema schema : schemas.get(doc.kind())) {
            JsonNode json = Document.YAML.valueToTree(doc.root());
            for (Error error : schema.validate(json)) {
                problems.add(doc.file(), String.valueOf(error.getInstanceLocation()), error.getMessage());
                valid = false;
            }
        }
        return valid;
    }

    private static Schema load(SchemaRegistry registry, String name) {
        try (InputStream in = SchemaValidation.class.getResourceAsStream(SCHEMAS + name)) {
            if (in == null) {
                throw new IllegalStateException("Schema resource missing: " + name);
            }
            return registry.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
