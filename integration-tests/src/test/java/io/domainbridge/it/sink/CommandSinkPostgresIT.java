package io.domainbridge.it.sink;

import io.domainbridge.testkit.sink.ConsumerDatabase;

/** The command sink scenario on PostgreSQL: INSERT ... ON CONFLICT. */
class CommandSinkPostgresIT extends CommandSinkIT {

    @Override
    ConsumerDatabase openDatabase() {
        return ConsumerDatabase.postgres();
    }
}
