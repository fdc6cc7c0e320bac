package io.domainbridge.it.scenarios;

import io.domainbridge.it.outbox.OutboxEvent;
import java.util.List;

/** A command of the source domain: its state change and the outbox rows it writes, committed together. */
public record Command(List<Statement> stateChange, List<OutboxEvent> events) {

    /** A SQL statement with its parameters, bound in order. */
    record Statement(String sql, Object... parameters) {}

    static Command of(OutboxEvent event, Statement... stateChange) {
        return new Command(List.of(stateChange), List.of(event));
    }
}
