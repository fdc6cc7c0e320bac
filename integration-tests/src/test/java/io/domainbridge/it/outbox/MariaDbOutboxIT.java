package io.domainbridge.it.outbox;

import io.domainbridge.testkit.outbox.MariaDbOutbox;
import io.domainbridge.testkit.outbox.OutboxSource;
import io.domainbridge.testkit.rig.MariaDbDatabase;

/**
 * The outbox path on MariaDB: Debezium's MariaDB connector comes from a plugin directory of its own, as its Debezium
 * version differs from the PostgreSQL connector's.
 */
class MariaDbOutboxIT extends OutboxPathIT {

    @Override
    OutboxSource openSource() {
        return new MariaDbOutbox(MariaDbDatabase.create("outbox"));
    }
}
