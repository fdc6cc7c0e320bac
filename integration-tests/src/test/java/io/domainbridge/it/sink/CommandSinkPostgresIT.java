package io.domainbridge.it.sink;

/** The command sink scenario on PostgreSQL: INSERT ... ON CONFLICT. */
class CommandSinkPostgresIT extends CommandSinkIT {

    @Override
    ConsumerDatabase openDatabase() {
        return ConsumerDatabase.postgres();
    }
}
