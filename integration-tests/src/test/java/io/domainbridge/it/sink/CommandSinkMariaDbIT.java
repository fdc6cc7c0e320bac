package io.domainbridge.it.sink;

import io.domainbridge.testkit.sink.ConsumerDatabase;

/** The command sink scenario on MariaDB: INSERT ... ON DUPLICATE KEY UPDATE. */
class CommandSinkMariaDbIT extends CommandSinkIT {

    @Override
    ConsumerDatabase openDatabase() {
        return ConsumerDatabase.mariaDb();
    }
}
