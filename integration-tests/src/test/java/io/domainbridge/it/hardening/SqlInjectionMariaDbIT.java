package io.domainbridge.it.hardening;

import io.domainbridge.testkit.sink.ConsumerDatabase;

/** SQL injection attempts against a MariaDB consumer database, where backslashes in literals are escapes. */
class SqlInjectionMariaDbIT extends SqlInjectionIT {

    @Override
    ConsumerDatabase openDatabase() {
        return ConsumerDatabase.mariaDb();
    }

    @Override
    String quote(String identifier) {
        return "`" + identifier + "`";
    }

    @Override
    String upsertStatement() {
        return "INSERT INTO statuses (id, v) VALUES (:data.id, :data.v) ON DUPLICATE KEY UPDATE v = VALUES(v)";
    }

    @Override
    String currentSchema() {
        return "database()";
    }
}
