package io.domainbridge.converters;

import io.apicurio.registry.resolver.ParsedSchemaImpl;
import io.apicurio.registry.resolver.SchemaLookupResult;
import io.apicurio.registry.resolver.SchemaParser;
import io.apicurio.registry.resolver.data.Record;
import io.apicurio.registry.resolver.strategy.ArtifactReference;
import io.apicurio.registry.resolver.strategy.ArtifactReferenceResolverStrategy;
import io.apicurio.registry.rest.client.RegistryClient;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Lets Apicurio's serde find schemas in the in-test Confluent-API registry: Apicurio's own client speaks Apicurio's
 * REST API, so its lookup is replaced; the wire-format handling under test stays Apicurio's.
 */
public final class ApicurioSchemaResolver
        implements io.apicurio.registry.resolver.SchemaResolver<org.apache.avro.Schema, Object> {

    static volatile FakeSchemaRegistry registry;
    private SchemaParser<org.apache.avro.Schema, Object> parser;

    @Override
    public void configure(Map<String, ?> configs, SchemaParser<org.apache.avro.Schema, Object> schemaParser) {
        this.parser = schemaParser;
    }

    @Override
    public void setClient(RegistryClient client) {}

    @Override
    public void setArtifactResolverStrategy(
            ArtifactReferenceResolverStrategy<org.apache.avro.Schema, Object> strategy) {}

    @Override
    public SchemaParser<org.apache.avro.Schema, Object> getSchemaParser() {
        return parser;
    }

    @Override
    public SchemaLookupResult<org.apache.avro.Schema> resolveSchema(Record<Object> data) {
        org.apache.avro.Schema schema = parser.getSchemaFromData(data).getParsedSchema();
        int id = registry.register("apicurio-value", schema.toString());
        return result(schema, id);
    }

    @Override
    public SchemaLookupResult<org.apache.avro.Schema> resolveSchemaByArtifactReference(ArtifactReference reference) {
        long id = reference.getContentId() != null ? reference.getContentId() : reference.getGlobalId();
        String text = registry.schemaText((int) id);
        return result(new org.apache.avro.Schema.Parser().parse(text), id);
    }

    @Override
    public void reset() {}

    @Override
    public void close() {}

    private static SchemaLookupResult<org.apache.avro.Schema> result(org.apache.avro.Schema schema, long id) {
        ParsedSchemaImpl<org.apache.avro.Schema> parsed = new ParsedSchemaImpl<org.apache.avro.Schema>()
                .setParsedSchema(schema)
                .setRawSchema(schema.toString().getBytes(StandardCharsets.UTF_8));
        return SchemaLookupResult.<org.apache.avro.Schema>builder()
                .parsedSchema(parsed)
                .globalId(id)
                .contentId(id)
                .build();
    }
}
