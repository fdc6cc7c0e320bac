package io.domainbridge.converters.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.domainbridge.converters.DataCodec;
import io.domainbridge.converters.StrictUtf8;
import io.domainbridge.events.EventEnvelope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;

/**
 * Reads CloudEvents into envelopes, in the content mode the record itself shows: structured when its
 * {@code content-type} starts with {@code application/cloudevents}, binary when it has a {@code ce_specversion}
 * header. Attributes the envelope has no field for (e.g. {@code dataschema}, {@code partitionkey}) are not kept.
 */
public final class EventReader {

    private static final String STRUCTURED_PREFIX = "application/cloudevents";

    private final DataCodec data;
    private final Envelopes envelopes = new Envelopes();

    public EventReader(DataCodec data) {
        this.data = data;
    }

    public static boolean isStructured(Headers headers) {
        String contentType = text(headers, EventWriter.CONTENT_TYPE_HEADER);
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(STRUCTURED_PREFIX);
    }

    public static boolean isBinary(Headers headers) {
        return headers.lastHeader(EventAttributes.SPECVERSION_HEADER) != null;
    }

    public SchemaAndValue read(String topic, Headers headers, byte[] value) {
        return isStructured(headers) ? structured(topic, headers, value) : binary(topic, headers, value);
    }

    public void clear() {
        envelopes.clear();
    }

    /** One pass over the headers; a later header of the same key wins, as with {@code lastHeader}. */
    private SchemaAndValue binary(String topic, Headers headers, byte[] value) {
        Map<String, Object> attributes = new HashMap<>();
        String contentType = null;
        byte[] schemaHeader = null;
        for (Header header : headers) {
            String key = header.key();
            if (header.value() == null) {
                continue;
            }
            EventAttributes.Attribute attribute = EventAttributes.BY_HEADER.get(key);
            if (attribute != null) {
                attributes.put(attribute.name(), attribute.parse(utf8(topic, key, header.value()), topic));
            } else if (key.equals(EventWriter.CONTENT_TYPE_HEADER)) {
                contentType = utf8(topic, key, header.value());
            } else if (key.equals(data.json().schemaHeaderName())) {
                schemaHeader = header.value();
            }
        }
        attributes.put(EventEnvelope.DATACONTENTTYPE, contentType);
        Header schemaId = headers.lastHeader(data.schemaIdHeaderName());
        SchemaAndValue eventData =
                data.decode(topic, contentType, value, schemaHeader, schemaId == null ? null : schemaId.value(), true);
        return envelopes.envelope(topic, attributes, eventData);
    }

    private SchemaAndValue structured(String topic, Headers headers, byte[] value) {
        if (value == null) {
            throw new DataException("A structured CloudEvent in topic '" + topic + "' has no value");
        }
        JsonNode event = data.json().parse(topic, value);
        if (!event.isObject()) {
            throw new DataException("A structured CloudEvent in topic '" + topic + "' is not a JSON object");
        }
        Map<String, Object> attributes = new HashMap<>();
        for (EventAttributes.Attribute attribute : EventAttributes.ALL) {
            JsonNode node = event.get(attribute.name());
            if (node != null && !node.isNull()) {
                attributes.put(attribute.name(), attribute(topic, attribute, node));
            }
        }
        String contentType = event.path(EventEnvelope.DATACONTENTTYPE).textValue();
        attributes.put(EventEnvelope.DATACONTENTTYPE, contentType);
        return envelopes.envelope(topic, attributes, structuredData(topic, event, contentType, schemaHeader(headers)));
    }

    private SchemaAndValue structuredData(String topic, JsonNode event, String contentType, byte[] schemaHeader) {
        JsonNode base64 = event.get("data_base64");
        JsonNode inline = event.get(EventEnvelope.DATA);
        if (base64 != null && !base64.isNull()) {
            return data.decode(topic, contentType, decodeBase64(topic, base64), schemaHeader, true);
        }
        Schema declared = schemaHeader == null ? null : data.json().schemaOf(topic, schemaHeader);
        if (inline == null || inline.isNull()) {
            return new SchemaAndValue(declared, null);
        }
        if (!DataCodec.isJson(contentType)) {
            byte[] bytes = inline.asText().getBytes(StandardCharsets.UTF_8);
            return data.decode(topic, contentType, bytes, schemaHeader, true);
        }
        return data.json().read(topic, inline, declared, true);
    }

    private static Object attribute(String topic, EventAttributes.Attribute attribute, JsonNode node) {
        if (attribute.kind() == EventEnvelope.Kind.INTEGER && node.isInt()) {
            return node.intValue();
        }
        if (!node.isTextual()) {
            throw new DataException("The CloudEvents attribute '" + attribute.name() + "' of a record in topic '"
                    + topic + "' is not a JSON "
                    + (attribute.kind() == EventEnvelope.Kind.INTEGER ? "integer" : "string"));
        }
        return attribute.parse(node.textValue(), topic);
    }

    private static byte[] decodeBase64(String topic, JsonNode node) {
        try {
            return node.binaryValue();
        } catch (IOException e) {
            throw new DataException("The data_base64 of a CloudEvent in topic '" + topic + "' is not base64");
        }
    }

    private byte[] schemaHeader(Headers headers) {
        Header header = headers.lastHeader(data.json().schemaHeaderName());
        return header == null ? null : header.value();
    }

    private static String text(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String utf8(String topic, String key, byte[] bytes) {
        return StrictUtf8.decode(bytes)
                .orElseThrow(() -> new DataException(
                        "Header '" + key + "' of a record in topic '" + topic + "' is not valid UTF-8"));
    }
}
