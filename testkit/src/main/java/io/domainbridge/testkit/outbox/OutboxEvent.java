package io.domainbridge.testkit.outbox;

import java.time.Instant;
import java.util.Map;

/** A row a command handler writes into the outbox, in the same transaction as its state change. */
public record OutboxEvent(
        String eventId,
        String aggregateType,
        String aggregateId,
        String eventType,
        String commandId,
        String correlationId,
        String causationId,
        Instant occurredAt,
        int schemaVersion,
        Map<String, Object> payload) {}
