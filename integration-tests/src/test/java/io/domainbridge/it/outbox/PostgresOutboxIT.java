package io.domainbridge.it.outbox;

import io.domainbridge.testkit.outbox.OutboxSource;
import io.domainbridge.testkit.outbox.PostgresOutbox;
import io.domainbridge.testkit.rig.PostgresDatabase;

/** The outbox path on PostgreSQL, with the example connector JSON as it is. */
class PostgresOutboxIT extends OutboxPathIT {

    @Override
    OutboxSource openSource() {
        return new PostgresOutbox(PostgresDatabase.create("outbox"));
    }
}
