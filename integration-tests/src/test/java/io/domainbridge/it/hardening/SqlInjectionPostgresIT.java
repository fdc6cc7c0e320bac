package io.domainbridge.it.hardening;

import io.domainbridge.testkit.sink.ConsumerDatabase;

/** SQL injection attempts against a PostgreSQL consumer database. */
class SqlInjectionPostgresIT extends SqlInjectionIT {

    @Override
    ConsumerDatabase openDatabase() {
        return ConsumerDatabase.postgres();
    }

    @Override
    String quote(String identifier) {
        return "\"" + identifier + "\"";
    }

    @Override
    String upsertStatement() {
        return "INSERT INTO statuses (id, v) VALUES (:data.id, :data.v) ON CONFLICT (id) DO UPDATE SET v = EXCLUDED.v";
    }

    @Override
    String currentSchema() {
        return "current_schema()";
    }
}
