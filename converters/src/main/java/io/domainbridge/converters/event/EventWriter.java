package io.domainbridge.converters.event;

import com.fasterxml.jackson.core.JsonGenerator;
import io.domainbridge.converters.ContentMode;
import io.domainbridge.converters.DataCodec;
import io.domainbridge.converters.DataEncoding;
import io.domainbridge.converters.json.JsonDataCodec;
import io.domainbridge.events.EventEnvelope;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * Writes an envelope as a CloudEvent by the Kafka protocol binding. Binary mode: every attribute a {@code ce_} header,
 * {@code datacontenttype} the {@code content-type} header, {@code data} the record value. Structured mode: one JSON
 * event format document with {@code content-type: application/cloudevents+json}. The envelope's
 * {@code datacontenttype} is kept when it names the configured encoding and replaced by that encoding's type otherwise,
 * as it has to describe the bytes on the wire.
 */
public final class EventWriter {

    public static final String CONTENT_TYPE_HEADER = "content-type";
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    static final String DATACONTENTTYPE_HEADER = EventAttributes.HEADER_PREFIX + EventEnvelope.DATACONTENTTYPE;
    static final String DATASCHEMA_HEADER = EventAttributes.HEADER_PREFIX + EventAttributes.DATASCHEMA;

    private final ContentMode mode;
    private final DataCodec data;

    public EventWriter(ContentMode mode, DataCodec data) {
        this.mode = mode;
        this.data = data;
    }

    /** The record value for an envelope; the event's headers are put into {@code headers}. */
    public byte[] write(String topic, Headers headers, Struct envelope) {
        Schema dataSchema = envelope.schema().field(EventEnvelope.DATA).schema();
        Object dataValue = envelope.get(EventEnvelope.DATA);
        clearEventHeaders(headers);
        return mode == ContentMode.BINARY
                ? binary(topic, headers, envelope, dataSchema, dataValue)
                : structured(topic, headers, envelope, dataSchema, dataValue);
    }

    private byte[] binary(String topic, Headers headers, Struct envelope, Schema dataSchema, Object dataValue) {
        DataCodec.Encoded encoded = data.encode(topic, envelope.getString(EventEnvelope.TYPE), dataSchema, dataValue);
        for (EventAttributes.Attribute attribute : EventAttributes.ALL) {
            Object value = envelope.get(attribute.name());
            if (value != null) {
                headers.add(attribute.header(), attribute.bytes(value));
            }
        }
        headers.add(CONTENT_TYPE_HEADER, utf8(contentType(envelope, encoded.contentType())));
        if (encoded.dataSchema() != null) {
            headers.add(DATASCHEMA_HEADER, utf8(encoded.dataSchema()));
        }
        if (encoded.schemaHeader() != null) {
            headers.add(data.json().schemaHeaderName(), encoded.schemaHeader());
        }
        return encoded.bytes();
    }

    private byte[] structured(String topic, Headers headers, Struct envelope, Schema dataSchema, Object dataValue) {
        boolean avro = data.encoding() == DataEncoding.AVRO;
        DataCodec.Encoded encoded =
                avro ? data.encode(topic, envelope.getString(EventEnvelope.TYPE), dataSchema, dataValue) : null;
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator json = JsonDataCodec.mapper().getFactory().createGenerator(out)) {
            json.writeStartObject();
            writeAttributes(json, envelope);
            json.writeStringField(EventEnvelope.DATACONTENTTYPE, contentType(envelope, data.contentType()));
            if (encoded != null && encoded.dataSchema() != null) {
                json.writeStringField(EventAttributes.DATASCHEMA, encoded.dataSchema());
            }
            if (avro && encoded.bytes() != null) {
                json.writeFieldName("data_base64");
                json.writeBinary(encoded.bytes());
            } else if (!avro && dataValue != null) {
                json.writeFieldName(EventEnvelope.DATA);
                data.json().write(topic, json, dataSchema, dataValue);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        headers.add(CONTENT_TYPE_HEADER, utf8(STRUCTURED_CONTENT_TYPE));
        byte[] schemaHeader = avro ? encoded.schemaHeader() : data.json().schemaHeader(dataSchema);
        if (schemaHeader != null) {
            headers.add(data.json().schemaHeaderName(), schemaHeader);
        }
        return out.toByteArray();
    }

    private static void writeAttributes(JsonGenerator json, Struct envelope) throws IOException {
        for (EventAttributes.Attribute attribute : EventAttributes.ALL) {
            Object value = envelope.get(attribute.name());
            if (value == null) {
                continue;
            }
            json.writeFieldName(attribute.name());
            if (attribute.kind() == EventEnvelope.Kind.INTEGER) {
                json.writeNumber((Integer) value);
            } else {
                json.writeString(attribute.text(value));
            }
        }
    }

    private String contentType(Struct envelope, String encodingType) {
        String declared = envelope.getString(EventEnvelope.DATACONTENTTYPE);
        return declared != null && data.matches(declared) ? declared : encodingType;
    }

    /** An upstream copy of an attribute header would contradict the event; only the event's own headers stay. */
    private void clearEventHeaders(Headers headers) {
        for (EventAttributes.Attribute attribute : EventAttributes.ALL) {
            headers.remove(attribute.header());
        }
        headers.remove(DATACONTENTTYPE_HEADER);
        headers.remove(DATASCHEMA_HEADER);
        headers.remove(CONTENT_TYPE_HEADER);
        headers.remove(data.json().schemaHeaderName());
        // a schema id left in a header by an earlier serializer would win over the prefix this writer puts
        headers.remove(data.schemaIdHeaderName());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
