package io.domainbridge.converters.event;

import io.domainbridge.converters.Rfc3339;
import io.domainbridge.events.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.connect.errors.DataException;

/**
 * The CloudEvents attributes an envelope carries besides {@code data} and {@code datacontenttype}: the context
 * attributes and Domain Bridge's extensions, each an envelope field of the same name. Extension names are lower-case
 * letters, as CloudEvents requires.
 */
final class EventAttributes {

    static final String HEADER_PREFIX = "ce_";
    static final String SPECVERSION_HEADER = HEADER_PREFIX + EventEnvelope.SPECVERSION;
    static final String DATASCHEMA = "dataschema";

    enum Kind {
        STRING,
        TIMESTAMP,
        INTEGER
    }

    record Attribute(String name, Kind kind, String header) {
        Attribute(String name, Kind kind) {
            this(name, kind, HEADER_PREFIX + name);
        }

        /** The attribute's canonical string form, as CloudEvents defines it for headers. */
        String text(Object value) {
            return switch (kind) {
                case STRING -> (String) value;
                case TIMESTAMP -> Rfc3339.format((Date) value);
                case INTEGER -> value.toString();
            };
        }

        byte[] bytes(Object value) {
            return text(value).getBytes(StandardCharsets.UTF_8);
        }

        Object parse(String text, String topic) {
            try {
                return switch (kind) {
                    case STRING -> text;
                    case TIMESTAMP -> Rfc3339.parse(text);
                    case INTEGER -> Integer.valueOf(text.trim());
                };
            } catch (DateTimeException | NumberFormatException e) {
                throw new DataException("The CloudEvents attribute '" + name + "' of a record in topic '" + topic
                        + "' is not " + (kind == Kind.TIMESTAMP ? "an RFC 3339 timestamp" : "an integer"));
            }
        }
    }

    static final List<Attribute> ALL = List.of(
            new Attribute(EventEnvelope.SPECVERSION, Kind.STRING),
            new Attribute(EventEnvelope.ID, Kind.STRING),
            new Attribute(EventEnvelope.SOURCE, Kind.STRING),
            new Attribute(EventEnvelope.TYPE, Kind.STRING),
            new Attribute(EventEnvelope.SUBJECT, Kind.STRING),
            new Attribute(EventEnvelope.TIME, Kind.TIMESTAMP),
            new Attribute(EventEnvelope.AGGREGATETYPE, Kind.STRING),
            new Attribute(EventEnvelope.AGGREGATEID, Kind.STRING),
            new Attribute(EventEnvelope.COMMANDID, Kind.STRING),
            new Attribute(EventEnvelope.CORRELATIONID, Kind.STRING),
            new Attribute(EventEnvelope.CAUSATIONID, Kind.STRING),
            new Attribute(EventEnvelope.SOURCEDOMAIN, Kind.STRING),
            new Attribute(EventEnvelope.SCHEMAVERSION, Kind.INTEGER));

    static final Map<String, Attribute> BY_HEADER =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Attribute::header, Function.identity()));

    private EventAttributes() {}
}
