package io.domainbridge.it.outbox;

import io.domainbridge.it.rig.MariaDbDatabase;

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
