package io.domainbridge.transforms.envelope;

/** The names of the outbox table's columns. */
public record OutboxColumns(
        String eventId,
        String aggregateType,
        String aggregateId,
        String eventType,
        String commandId,
        String correlationId,
        String causationId,
        String occurredAt,
        String schemaVersion,
        String payload) {}
