package io.domainbridge.converters;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.domainbridge.converters.avro.AvroDataCodec;
import io.domainbridge.converters.avro.SchemaRegistryClient;
import io.domainbridge.converters.event.EventReader;
import io.domainbridge.converters.event.EventWriter;
import io.domainbridge.converters.json.JsonDataCodec;
import io.domainbridge.events.DeadLetterHeaders;
import io.domainbridge.events.EventEnvelope;
import io.domainbridge.events.ProjectVersion;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.ConverterConfig;
import org.apache.kafka.connect.storage.ConverterType;
import org.apache.kafka.connect.storage.HeaderConverter;
import org.apache.kafka.connect.storage.SimpleHeaderConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes event envelopes ({@link EventEnvelope}) as CloudEvents by the Kafka protocol binding, with JSON or Avro data,
 * and reads them back into the same Connect schema and value. Records that are not envelopes pass through in the data
 * encoding, or through a configured converter. As a header converter it keeps CloudEvents headers as typed strings
 * ({@code ce_time} a timestamp, {@code ce_schemaversion} an int32) and handles other headers like Kafka's
 * {@link SimpleHeaderConverter}.
 */
public class CloudEventsConverter implements Converter, HeaderConverter, Versioned {

    private static final String CE_PREFIX = "ce_";
    private static final String TIME_HEADER = CE_PREFIX + EventEnvelope.TIME;
    private static final String SCHEMAVERSION_HEADER = CE_PREFIX + EventEnvelope.SCHEMAVERSION;
    private static final Schema OPTIONAL_TIMESTAMP =
            Timestamp.builder().optional().build();

    private static final Logger log = LoggerFactory.getLogger(CloudEventsConverter.class);

    private boolean isKey;
    private ContentMode mode;
    private DataCodec data;
    private EventWriter binaryWriter;
    private EventWriter structuredWriter;
    private EventReader reader;
    private Converter passthrough;
    private final SimpleHeaderConverter otherHeaders = new SimpleHeaderConverter();

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> withType = new HashMap<>(configs);
        withType.put(ConverterConfig.TYPE_CONFIG, (isKey ? ConverterType.KEY : ConverterType.VALUE).getName());
        configure(withType);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        CloudEventsConverterConfig config = new CloudEventsConverterConfig(configs);
        isKey = config.type() == ConverterType.KEY;
        mode = config.mode();
        SchemaRegistryClient registry = config.schemaRegistry();
        AvroDataCodec avro = new AvroDataCodec(registry, config.subjectNameStrategy(), isKey, config.avroSchemas());
        String schemaHeader = isKey ? JsonDataCodec.KEY_SCHEMA_HEADER : JsonDataCodec.SCHEMA_HEADER;
        data = new DataCodec(config.dataEncoding(), new JsonDataCodec(config.jsonSchemasEnabled(), schemaHeader), avro);
        binaryWriter = new EventWriter(ContentMode.BINARY, data);
        structuredWriter = new EventWriter(ContentMode.STRUCTURED, data);
        reader = new EventReader(data);
        passthrough = passthrough(config);
        otherHeaders.configure(configs);
        log.info(
                "CloudEventsConverter ({}) writes {} mode with {} data{}",
                config.type().getName(),
                mode,
                data.encoding(),
                registry == null ? "" : ", schemas registered at " + registry.location());
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        // without headers to carry attributes, only structured mode can hold an event
        return write(topic, new RecordHeaders(), schema, value, ContentMode.STRUCTURED);
    }

    @Override
    public byte[] fromConnectData(String topic, Headers headers, Schema schema, Object value) {
        return write(topic, headers, schema, value, mode);
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        RecordHeaders headers = new RecordHeaders();
        if (looksStructured(value)) {
            headers.add(EventWriter.CONTENT_TYPE_HEADER, EventWriter.STRUCTURED_CONTENT_TYPE.getBytes(UTF_8));
        }
        return toConnectData(topic, headers, value);
    }

    @Override
    public SchemaAndValue toConnectData(String topic, Headers headers, byte[] value) {
        // a key converter sees the event's headers too, but a key is never the event
        if (!isKey && (EventReader.isStructured(headers) || EventReader.isBinary(headers))) {
            return reader.read(topic, headers, value);
        }
        if (passthrough != null) {
            return passthrough.toConnectData(topic, headers, value);
        }
        if (value == null) {
            return SchemaAndValue.NULL;
        }
        Header schemaHeader = headers.lastHeader(data.json().schemaHeaderName());
        String contentType = isJsonDeadLetter(headers) ? JsonDataCodec.CONTENT_TYPE : null;
        Header schemaId = headers.lastHeader(data.schemaIdHeaderName());
        return data.decode(
                topic,
                contentType,
                value,
                schemaHeader == null ? null : schemaHeader.value(),
                schemaId == null ? null : schemaId.value(),
                false);
    }

    @Override
    public SchemaAndValue toConnectHeader(String topic, String headerKey, byte[] value) {
        if (isSchemaHeader(headerKey) && value != null) {
            return new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA, new String(value, UTF_8));
        }
        if (!headerKey.startsWith(CE_PREFIX) || value == null) {
            return otherHeaders.toConnectHeader(topic, headerKey, value);
        }
        String text = StrictUtf8.decode(value)
                .orElseThrow(() -> new DataException(
                        "Header '" + headerKey + "' of a record in topic '" + topic + "' is not valid UTF-8"));
        try {
            if (headerKey.equals(TIME_HEADER)) {
                return new SchemaAndValue(OPTIONAL_TIMESTAMP, Rfc3339.parse(text));
            }
            if (headerKey.equals(SCHEMAVERSION_HEADER)) {
                return new SchemaAndValue(Schema.OPTIONAL_INT32_SCHEMA, Integer.valueOf(text.trim()));
            }
        } catch (RuntimeException e) {
            throw new DataException("Header '" + headerKey + "' of a record in topic '" + topic + "' is malformed");
        }
        return new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA, text);
    }

    @Override
    public byte[] fromConnectHeader(String topic, String headerKey, Schema schema, Object value) {
        if (!headerKey.startsWith(CE_PREFIX) || value == null) {
            return otherHeaders.fromConnectHeader(topic, headerKey, schema, value);
        }
        String text = value instanceof java.util.Date time ? Rfc3339.format(time) : value.toString();
        return text.getBytes(UTF_8);
    }

    @Override
    public ConfigDef config() {
        return CloudEventsConverterConfig.CONFIG_DEF;
    }

    @Override
    public String version() {
        return ProjectVersion.get();
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.clear();
        }
        Utils.closeQuietly(passthrough, "passthrough converter");
        Utils.closeQuietly(otherHeaders, "header converter");
    }

    private byte[] write(String topic, Headers headers, Schema schema, Object value, ContentMode contentMode) {
        if (!isKey && EventEnvelope.isEnvelope(schema) && value != null) {
            if (!(value instanceof Struct envelope)) {
                throw new DataException("The envelope of a record for topic '" + topic + "' is not a struct");
            }
            EventWriter writer = contentMode == ContentMode.BINARY ? binaryWriter : structuredWriter;
            return writer.write(topic, headers, envelope);
        }
        if (passthrough != null) {
            return passthrough.fromConnectData(topic, headers, schema, value);
        }
        DataCodec.Encoded encoded = isJsonDeadLetter(headers)
                ? data.encodeJson(topic, schema, value)
                : data.encode(topic, null, schema, value);
        headers.remove(data.json().schemaHeaderName());
        headers.remove(data.schemaIdHeaderName());
        if (encoded.schemaHeader() != null && value != null) {
            headers.add(data.json().schemaHeaderName(), encoded.schemaHeader());
        }
        return encoded.bytes();
    }

    /**
     * A dead letter carries the rejected row unchanged, whose schema Avro without a registry does not know; failing
     * to write it would stop the stream the dead-letter topic exists to keep going, so it is written as JSON.
     */
    private boolean isJsonDeadLetter(Headers headers) {
        return !data.writesAnySchema() && headers.lastHeader(DeadLetterHeaders.EXCEPTION_CLASS) != null;
    }

    /** Schema headers stay text: parsing them the way SimpleHeaderConverter guesses types would only cost time. */
    private static boolean isSchemaHeader(String headerKey) {
        return headerKey.equals(JsonDataCodec.SCHEMA_HEADER) || headerKey.equals(JsonDataCodec.KEY_SCHEMA_HEADER);
    }

    /** Without headers, a JSON object naming a specversion is taken for a structured event. */
    private static boolean looksStructured(byte[] value) {
        return value != null
                && value.length > 0
                && value[0] == '{'
                && new String(value, UTF_8).contains("\"" + EventEnvelope.SPECVERSION + "\"");
    }

    private Converter passthrough(CloudEventsConverterConfig config) {
        Class<?> type = config.passthroughConverter();
        if (type == null) {
            return null;
        }
        Converter converter = Utils.newInstance(type.asSubclass(Converter.class));
        converter.configure(config.passthroughProperties(), isKey);
        return converter;
    }
}
