package io.domainbridge.transforms;

import static io.domainbridge.transforms.CommandEventEnvelopeConfig.AGGREGATE_ID_COLUMN_CONFIG;
import static io.domainbridge.transforms.CommandEventEnvelopeConfig.AGGREGATE_TYPE_COLUMN_CONFIG;
import static io.domainbridge.transforms.CommandEventEnvelopeConfig.CAUSATION_ID_COLUMN_CONFIG;
import static io.domainbridge.transforms.CommandEventEnvelopeConfig.COMMAND_ID_COLUMN_CONFIG;
import static io.domainbridge.transforms.CommandEventEnvelopeConfig.CORRELATION_ID_COLUMN_CONFIG;
import static io.domainbridge.transforms.CommandEventEnvelopeConfig.EVENT_ID_COLUMN_CONFIG;
import static io.domainbridge.transforms.CommandEventEnvelopeConfig.EVENT_TYPE_COLUMN_CONFIG;
import static io.domainbridge.transforms.CommandEventEnvelopeConfig.OCCURRED_AT_COLUMN_CONFIG;
import static io.domainbridge.transforms.CommandEventEnvelopeConfig.PAYLOAD_COLUMN_CONFIG;
import static io.domainbridge.transforms.CommandEventEnvelopeConfig.SCHEMA_VERSION_COLUMN_CONFIG;

import io.domainbridge.events.ProjectVersion;
import io.domainbridge.transforms.CommandEventEnvelopeConfig.ChangeBehavior;
import io.domainbridge.transforms.debezium.DebeziumRecords;
import io.domainbridge.transforms.envelope.EnvelopeBuilder;
import io.domainbridge.transforms.envelope.OutboxChange;
import io.domainbridge.transforms.envelope.OutboxColumns;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.transforms.Transformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each captured outbox row into the standard event envelope: validated data, CloudEvents attributes, keyed by
 * aggregate id and routed to a topic per aggregate type.
 *
 * @param <R> the record type
 */
public class CommandEventEnvelope<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {

    public static final String OVERVIEW_DOC = "Turns rows of an outbox table, captured by Debezium, into the standard"
            + " event envelope: CloudEvents attributes plus aggregate, command, correlation and causation ids, and"
            + " the JSON payload parsed into a struct with the schema declared for its event type and version."
            + " Keys records by aggregate id and routes them to a topic per aggregate type.";

    public static final String EVENT_ID_HEADER = "domainbridge.event.id";
    public static final String EVENT_TYPE_HEADER = "domainbridge.event.type";
    public static final String CORRELATION_ID_HEADER = "domainbridge.correlation.id";

    public static final ConfigDef CONFIG_DEF = CommandEventEnvelopeConfig.CONFIG_DEF;

    private static final Logger LOG = LoggerFactory.getLogger(CommandEventEnvelope.class);

    private EnvelopeBuilder builder;
    private DeadLetters deadLetters;
    private ChangeBehavior updateBehavior;
    private ChangeBehavior deleteBehavior;

    @Override
    public void configure(Map<String, ?> props) {
        CommandEventEnvelopeConfig config = new CommandEventEnvelopeConfig(props);
        OutboxColumns columns = new OutboxColumns(
                config.column(EVENT_ID_COLUMN_CONFIG),
                config.column(AGGREGATE_TYPE_COLUMN_CONFIG),
                config.column(AGGREGATE_ID_COLUMN_CONFIG),
                config.column(EVENT_TYPE_COLUMN_CONFIG),
                config.column(COMMAND_ID_COLUMN_CONFIG),
                config.column(CORRELATION_ID_COLUMN_CONFIG),
                config.column(CAUSATION_ID_COLUMN_CONFIG),
                config.column(OCCURRED_AT_COLUMN_CONFIG),
                config.column(SCHEMA_VERSION_COLUMN_CONFIG),
                config.column(PAYLOAD_COLUMN_CONFIG));
        builder = new EnvelopeBuilder(
                config.sourceDomain(),
                config.sourcePattern(),
                config.topicPattern(),
                columns,
                config.catalog(),
                config.failOnExtraFields());
        updateBehavior = config.updateBehavior();
        deleteBehavior = config.deleteBehavior();
        deadLetters = config.deadLetterTopic() == null ? null : new DeadLetters(config.deadLetterTopic(), getClass());
        LOG.info(
                "CommandEventEnvelope envelopes the outbox of domain '{}': {}; topic pattern '{}', source pattern"
                        + " '{}'; updates {}, deletes {}; invalid rows {}",
                config.sourceDomain(),
                config.catalog().summary(),
                config.getString(CommandEventEnvelopeConfig.TOPIC_PATTERN_CONFIG),
                config.getString(CommandEventEnvelopeConfig.SOURCE_PATTERN_CONFIG),
                updateBehavior,
                deleteBehavior,
                deadLetters == null ? "fail the task" : "go to topic '" + config.deadLetterTopic() + "'");
    }

    @Override
    public R apply(R record) {
        DebeziumRecords.Kind kind = DebeziumRecords.kindOf(record);
        if (kind == DebeziumRecords.Kind.HEARTBEAT) {
            return record;
        }
        if (record.value() == null || kind == DebeziumRecords.Kind.DATABASE_METADATA) {
            return null;
        }
        try {
            OutboxChange change = OutboxChange.of(record.value());
            return isEvent(change.op()) ? envelope(record, builder.build(change.row())) : null;
        } catch (DataException e) {
            if (deadLetters == null) {
                throw e;
            }
            return deadLetters.route(record, e);
        }
    }

    private R envelope(R record, EnvelopeBuilder.Event event) {
        Struct envelope = event.envelope();
        Headers headers = record.headers().duplicate();
        headers.remove(EVENT_ID_HEADER).addString(EVENT_ID_HEADER, event.id());
        headers.remove(EVENT_TYPE_HEADER).addString(EVENT_TYPE_HEADER, event.type());
        headers.remove(CORRELATION_ID_HEADER);
        if (event.correlationId() != null) {
            headers.addString(CORRELATION_ID_HEADER, event.correlationId());
        }
        Long timestamp = event.time() != null ? Long.valueOf(event.time().getTime()) : record.timestamp();
        return record.newRecord(
                event.topic(),
                DeadLetters.partitionOfRerouted(record),
                Schema.STRING_SCHEMA,
                event.aggregateId(),
                envelope.schema(),
                envelope,
                timestamp,
                headers);
    }

    /** Inserts are events; updates and deletes follow their configured behavior; other changes are not rows. */
    private boolean isEvent(OutboxChange.Op op) {
        ChangeBehavior behavior =
                switch (op) {
                    case CREATE -> null;
                    case UPDATE -> updateBehavior;
                    case DELETE -> deleteBehavior;
                    case OTHER -> ChangeBehavior.SKIP;
                };
        if (behavior == null) {
            return true;
        }
        String change = op.name().toLowerCase(Locale.ROOT);
        if (behavior == ChangeBehavior.FAIL) {
            throw new DataException("An outbox row was changed by an " + change + "; only inserts are events");
        }
        if (behavior == ChangeBehavior.WARN) {
            LOG.warn("Skipping an {} of an outbox row: only inserts are events", change);
        }
        return false;
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public String version() {
        return ProjectVersion.get();
    }

    @Override
    public void close() {}
}
