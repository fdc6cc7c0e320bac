package io.domainbridge.testkit.scenarios;

import io.domainbridge.testkit.outbox.OutboxEvent;
import java.util.List;

/** A command of the source domain: its state change and the outbox rows it writes, committed together. */
public record Command(List<Statement> stateChange, List<OutboxEvent> events) {

    /** A SQL statement with its parameters, bound in order. */
    public record Statement(String sql, Object... parameters) {}

    public static Command of(OutboxEvent event, Statement... stateChange) {
        return new Command(List.of(stateChange), List.of(event));
    }
}
