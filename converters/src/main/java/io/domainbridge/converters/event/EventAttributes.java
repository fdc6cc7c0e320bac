package io.domainbridge.converters.event;

import io.domainbridge.converters.Rfc3339;
import io.domainbridge.events.EventEnvelope;
import io.domainbridge.events.EventEnvelope.Kind;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.connect.errors.DataException;

/**
 * The CloudEvents attributes an envelope carries besides {@code data} and {@code datacontenttype}: the context
 * attributes and Domain Bridge's extensions, each an envelope field of the same name. Extension names are lower-case
 * letters, as CloudEvents requires.
 */
final class EventAttributes {

    static final String HEADER_PREFIX = EventEnvelope.HEADER_PREFIX;
    static final String SPECVERSION_HEADER = HEADER_PREFIX + EventEnvelope.SPECVERSION;
    static final String DATASCHEMA = "dataschema";

    /** One of {@link EventEnvelope#ATTRIBUTES}, with its CloudEvents string forms. */
    record Attribute(String name, Kind kind, String header) {
        Attribute(EventEnvelope.Attribute attribute) {
            this(attribute.name(), attribute.kind(), attribute.header());
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

    /**
     * The attributes a record carries as CloudEvents attributes, {@code specversion} first as the binding shows it;
     * {@code datacontenttype} travels as the record's content type instead.
     */
    static final List<Attribute> ALL = Stream.concat(
                    EventEnvelope.ATTRIBUTES.stream().filter(a -> a.name().equals(EventEnvelope.SPECVERSION)),
                    EventEnvelope.ATTRIBUTES.stream()
                            .filter(a -> !a.name().equals(EventEnvelope.SPECVERSION)
                                    && !a.name().equals(EventEnvelope.DATACONTENTTYPE)))
            .map(Attribute::new)
            .toList();

    static final Map<String, Attribute> BY_HEADER =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Attribute::header, Function.identity()));

    private EventAttributes() {}
}
