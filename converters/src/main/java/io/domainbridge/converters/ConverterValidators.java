package io.domainbridge.converters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.storage.Converter;

/** Validators of the converter's configuration. */
final class ConverterValidators {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Empty, or an absolute http(s) URL. */
    static final ConfigDef.Validator HTTP_URL = new ConfigDef.Validator() {
        @Override
        public void ensureValid(String name, Object value) {
            String url = value == null ? "" : value.toString().trim();
            if (url.isEmpty()) {
                return;
            }
            if (!isHttpUrl(url)) {
                throw new ConfigException(name, "(not shown)", "expected an http:// or https:// URL");
            }
        }

        @Override
        public String toString() {
            return "empty, or an http(s) URL";
        }
    };

    /** Empty, one Avro schema, or a JSON array of them. */
    static final ConfigDef.Validator AVRO_SCHEMAS = new ConfigDef.Validator() {
        @Override
        public void ensureValid(String name, Object value) {
            try {
                parseAvroSchemas((String) value);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, "(not shown)", e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "empty, an Avro schema, or a JSON array of Avro schemas";
        }
    };

    /** Empty, or a class implementing Converter. */
    static final ConfigDef.Validator CONVERTER_CLASS = new ConfigDef.Validator() {
        @Override
        public void ensureValid(String name, Object value) {
            if (value != null && !Converter.class.isAssignableFrom((Class<?>) value)) {
                throw new ConfigException(name, ((Class<?>) value).getName(), "not a " + Converter.class.getName());
            }
        }

        @Override
        public String toString() {
            return "empty, or a class implementing " + Converter.class.getName();
        }
    };

    private ConverterValidators() {}

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static List<org.apache.avro.Schema> parseAvroSchemas(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            JsonNode json = JSON.readTree(text);
            List<JsonNode> nodes = new ArrayList<>();
            if (json.isArray()) {
                json.forEach(nodes::add);
            } else {
                nodes.add(json);
            }
            List<org.apache.avro.Schema> schemas = new ArrayList<>();
            for (JsonNode node : nodes) {
                // a fresh parser per schema: listed schemas may define the same names differently
                schemas.add(new org.apache.avro.Schema.Parser().parse(node.toString()));
            }
            return schemas;
        } catch (IOException | RuntimeException e) { // Avro also throws plain runtime exceptions for unresolved names
            throw new IllegalArgumentException("not an Avro schema or a JSON array of them: " + e.getMessage());
        }
    }
}
