package io.domainbridge.transforms.envelope;

import static io.domainbridge.events.EventEnvelope.AGGREGATEID;
import static io.domainbridge.events.EventEnvelope.AGGREGATETYPE;
import static io.domainbridge.events.EventEnvelope.ID;
import static io.domainbridge.events.EventEnvelope.TYPE;

import com.fasterxml.jackson.databind.JsonNode;
import io.domainbridge.events.EventEnvelope;
import java.util.Date;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/** Builds the envelope of one outbox row: required attributes checked, payload parsed and validated, route chosen. */
public final class EnvelopeBuilder {

    /** An envelope with the attributes the record's key, topic, timestamp and headers are made of. */
    public record Event(
            String id,
            String type,
            String aggregateId,
            String correlationId,
            Date time,
            String topic,
            Struct envelope) {}

    private static final int MAX_TOPIC_LENGTH = 249;
    private static final String JSON_CONTENT_TYPE = "application/json";

    private final String sourceDomain;
    private final NamePattern sourcePattern;
    private final NamePattern topicPattern;
    private final OutboxColumns columns;
    private final EventCatalog catalog;
    private final PayloadReader reader;

    public EnvelopeBuilder(
            String sourceDomain,
            NamePattern sourcePattern,
            NamePattern topicPattern,
            OutboxColumns columns,
            EventCatalog catalog,
            boolean failOnExtraFields) {
        this.sourceDomain = sourceDomain;
        this.sourcePattern = sourcePattern;
        this.topicPattern = topicPattern;
        this.columns = columns;
        this.catalog = catalog;
        this.reader = new PayloadReader(failOnExtraFields);
    }

    public Event build(Object rowValue) {
        OutboxRow row = OutboxRow.of(rowValue);
        String id = row.requiredText(columns.eventId(), ID);
        String type = row.requiredText(columns.eventType(), TYPE);
        String aggregateType = row.requiredText(columns.aggregateType(), AGGREGATETYPE);
        String aggregateId = row.requiredText(columns.aggregateId(), AGGREGATEID);
        Integer version = row.integer(columns.schemaVersion());
        EventKind kind = new EventKind(type, version);
        JsonNode payload = PayloadParser.parse(row.get(columns.payload()), kind, columns.payload());
        EventCatalog.EventSchemas schemas = catalog.schemasFor(type, version, payload);
        String correlationId = row.text(columns.correlationId());
        Date time = EventTimes.toDate(
                row.get(columns.occurredAt()), row.schemaOf(columns.occurredAt()), columns.occurredAt());
        Struct envelope = new Struct(schemas.envelope())
                .put(EventEnvelope.ID, id)
                .put(EventEnvelope.TYPE, type)
                .put(EventEnvelope.SOURCE, sourcePattern.render(sourceDomain, aggregateType, type))
                .put(EventEnvelope.SUBJECT, aggregateId)
                .put(EventEnvelope.TIME, time)
                .put(EventEnvelope.SPECVERSION, EventEnvelope.SPEC_VERSION_1_0)
                .put(EventEnvelope.DATACONTENTTYPE, JSON_CONTENT_TYPE)
                .put(EventEnvelope.AGGREGATETYPE, aggregateType)
                .put(EventEnvelope.AGGREGATEID, aggregateId)
                .put(EventEnvelope.COMMANDID, row.text(columns.commandId()))
                .put(EventEnvelope.CORRELATIONID, correlationId)
                .put(EventEnvelope.CAUSATIONID, row.text(columns.causationId()))
                .put(EventEnvelope.SOURCEDOMAIN, sourceDomain)
                .put(EventEnvelope.SCHEMAVERSION, version)
                .put(EventEnvelope.DATA, reader.read(payload, schemas.data(), kind, schemas.declared()));
        String topic = legalTopic(topicPattern.render(sourceDomain, aggregateType, type), kind);
        return new Event(id, type, aggregateId, correlationId, time, topic, envelope);
    }

    /** An illegal name would fail the producer and with it the task; as a bad row, it can be dead-lettered. */
    private static String legalTopic(String topic, EventKind kind) {
        boolean legal =
                !topic.isEmpty() && topic.length() <= MAX_TOPIC_LENGTH && !".".equals(topic) && !"..".equals(topic);
        for (int i = 0; legal && i < topic.length(); i++) {
            char c = topic.charAt(i);
            legal = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == '-';
        }
        if (!legal) {
            throw new DataException("Event " + kind + " routes to a topic name Kafka does not allow: topics take"
                    + " letters, digits, '.', '_' and '-', at most " + MAX_TOPIC_LENGTH + " characters");
        }
        return topic;
    }
}
