package io.domainbridge.testkit.outbox;

import java.util.Map;

/** A source database for the outbox scenario, with what the Debezium connector for it needs. */
public interface OutboxSource extends OutboxScenario.SourceDatabase, AutoCloseable {

    /** The connector config: the example's envelope settings, pointed at this database. */
    public Map<String, String> connectorConfig(Map<String, String> example, String bootstrapServers);

    /** The topic Debezium writes the outbox changes to. */
    public String capturedTopic(Map<String, String> config);

    @Override
    public void close();
}
