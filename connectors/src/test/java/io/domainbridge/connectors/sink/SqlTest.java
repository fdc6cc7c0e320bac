package io.domainbridge.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlTest {

    @Test
    void identifiersAreQuotedPerPartWithEmbeddedQuotesDoubled() {
        assertThat(Dialect.POSTGRESQL.quote("crm.customer")).isEqualTo("\"crm\".\"customer\"");
        assertThat(Dialect.POSTGRESQL.quote("we\"ird")).isEqualTo("\"we\"\"ird\"");
        assertThat(Dialect.MARIADB.quote("we`ird")).isEqualTo("`we``ird`");
    }

    @Test
    void postgresUpsertGuardsTheVersion() {
        String sql = Dialect.POSTGRESQL.upsert("crm.customer", List.of("id", "name", "v"), List.of("id"), "v");
        assertThat(sql)
                .isEqualTo("INSERT INTO \"crm\".\"customer\" AS target (\"id\", \"name\", \"v\") VALUES (?, ?, ?)"
                        + " ON CONFLICT (\"id\") DO UPDATE SET \"name\" = EXCLUDED.\"name\", \"v\" = EXCLUDED.\"v\""
                        + " WHERE target.\"v\" IS NULL OR target.\"v\" <= EXCLUDED.\"v\"");
        assertThat(Dialect.POSTGRESQL.upsert("t", List.of("id"), List.of("id"), null))
                .endsWith("ON CONFLICT (\"id\") DO NOTHING");
    }

    @Test
    void mariaDbUpsertGuardsEveryColumnAndAssignsTheVersionLast() {
        String sql = Dialect.MARIADB.upsert("customer", List.of("id", "v", "name"), List.of("id"), "v");
        assertThat(sql)
                .isEqualTo("INSERT INTO `customer` (`id`, `v`, `name`) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE"
                        + " `name` = IF(`v` IS NULL OR `v` <= VALUES(`v`), VALUES(`name`), `name`),"
                        + " `v` = IF(`v` IS NULL OR `v` <= VALUES(`v`), VALUES(`v`), `v`)");
        assertThat(Dialect.MARIADB.upsert("c", List.of("id", "n"), List.of("id"), null))
                .endsWith("ON DUPLICATE KEY UPDATE `n` = VALUES(`n`)");
    }

    @Test
    void deletesAndSoftDeletesBindTheKeys() {
        assertThat(Dialect.POSTGRESQL.delete("c", List.of("a", "b")))
                .isEqualTo("DELETE FROM \"c\" WHERE \"a\" = ? AND \"b\" = ?");
        assertThat(Dialect.MARIADB.softDelete("c", "deleted", "deleted_at", List.of("id")))
                .isEqualTo("UPDATE `c` SET `deleted` = TRUE, `deleted_at` = CURRENT_TIMESTAMP WHERE `id` = ?");
    }

    @Test
    void inboxAndOffsetsTablesAreCreatedIfMissingAndWrittenIdempotently() {
        assertThat(Dialect.POSTGRESQL.createInbox("inbox"))
                .startsWith("CREATE TABLE IF NOT EXISTS \"inbox\"")
                .contains("event_id TEXT NOT NULL")
                .contains("PRIMARY KEY (consumer, event_key))");
        assertThat(Dialect.MARIADB.createInbox("inbox"))
                .contains("consumer VARBINARY(1020) NOT NULL, event_key BINARY(32) NOT NULL")
                .contains("event_id LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL");
        assertThat(Dialect.MARIADB.createOffsets("o"))
                .contains("topic VARBINARY(249) NOT NULL")
                .contains("PRIMARY KEY (consumer, topic, kafka_partition)");
        assertThat(Dialect.POSTGRESQL.insertInbox("inbox"))
                .contains("VALUES (?, ?, sha256(convert_to(?, 'UTF8')), CURRENT_TIMESTAMP)")
                .endsWith("ON CONFLICT DO NOTHING");
        assertThat(Dialect.MARIADB.insertInbox("inbox"))
                .startsWith("INSERT INTO `inbox`")
                .endsWith("ON DUPLICATE KEY UPDATE `consumer` = `consumer`");
        assertThat(Dialect.POSTGRESQL.selectInbox("inbox", 3))
                .startsWith("SELECT i.event_id FROM unnest(?) AS ids(id) CROSS JOIN LATERAL")
                .endsWith("WHERE consumer = ? AND event_key = sha256(convert_to(ids.id, 'UTF8')) LIMIT 1) i");
        String key = "UNHEX(SHA2(CONVERT(? USING utf8mb4), 256))";
        assertThat(Dialect.MARIADB.selectInbox("inbox", 2))
                .endsWith("WHERE consumer = ? AND event_key IN (" + key + ", " + key + ")");
        assertThat(Dialect.MARIADB.upsertOffset("o")).contains("`next_offset` = VALUES(`next_offset`)");
    }

    @Test
    void theDialectComesFromTheUrl() {
        assertThat(Dialect.forUrl("jdbc:postgresql://h/db")).contains(Dialect.POSTGRESQL);
        assertThat(Dialect.forUrl("jdbc:mariadb://h/db")).contains(Dialect.MARIADB);
        assertThat(Dialect.forUrl("jdbc:mysql://h/db")).contains(Dialect.MARIADB);
        assertThat(Dialect.forUrl("jdbc:oracle:thin:@h")).isEmpty();
    }

    @Test
    void namedParametersBecomePlaceholdersOutsideLiteralsCommentsAndCasts() {
        NamedStatement statement = NamedStatement.parse("UPDATE t SET s = :data.status, note = ':not' || \":x\""
                + " -- :comment\n WHERE id = :aggregateid::bigint AND at < :time.");
        assertThat(statement.parameters()).containsExactly("data.status", "aggregateid", "time");
        assertThat(statement.sql())
                .isEqualTo(
                        "UPDATE t SET s = ?, note = ':not' || \":x\" -- :comment\n WHERE id = ?::bigint AND at < ?.");
        assertThat(NamedStatement.parse("CALL apply_status(:data.packageId, :type)")
                        .sql())
                .isEqualTo("CALL apply_status(?, ?)");
    }

    @Test
    void errorsAreClassifiedBySqlStateAndVendorCode() {
        assertThat(SqlErrors.classify(new SQLException("gone", "08006"))).isEqualTo(SqlErrors.Kind.TRANSIENT);
        assertThat(SqlErrors.classify(new SQLException("ser", "40001"))).isEqualTo(SqlErrors.Kind.TRANSIENT);
        assertThat(SqlErrors.classify(new SQLException("dl", "40P01"))).isEqualTo(SqlErrors.Kind.TRANSIENT);
        assertThat(SqlErrors.classify(new SQLException("dl", "40001", 1213))).isEqualTo(SqlErrors.Kind.TRANSIENT);
        assertThat(SqlErrors.classify(new SQLException("lock", "HY000", 1205))).isEqualTo(SqlErrors.Kind.TRANSIENT);
        assertThat(SqlErrors.classify(new SQLException("shutting down", "57P01")))
                .isEqualTo(SqlErrors.Kind.TRANSIENT);
        assertThat(SqlErrors.classify(new SQLException("crashed", "57P02"))).isEqualTo(SqlErrors.Kind.TRANSIENT);
        assertThat(SqlErrors.classify(new SQLException("starting up", "57P03"))).isEqualTo(SqlErrors.Kind.TRANSIENT);
        assertThat(SqlErrors.classify(new SQLException("nn", "23502"))).isEqualTo(SqlErrors.Kind.RECORD);
        assertThat(SqlErrors.classify(new SQLException("bad", "22P02"))).isEqualTo(SqlErrors.Kind.RECORD);
        assertThat(SqlErrors.classify(new SQLException("text into int", "42804")))
                .isEqualTo(SqlErrors.Kind.RECORD);
        assertThat(SqlErrors.classify(new SQLException("no table", "42P01"))).isEqualTo(SqlErrors.Kind.FATAL);
        BatchUpdateException batch = new BatchUpdateException("batch", null, 0, new int[0]);
        batch.setNextException(new SQLException("unique", "23505"));
        assertThat(SqlErrors.classify(batch)).isEqualTo(SqlErrors.Kind.RECORD);
    }
}
