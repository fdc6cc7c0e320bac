package io.domainbridge.connectors.sink;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the tables the sink keeps for itself (inbox, offsets, tombstones of versioned deletes) and the inbox's age
 * index under retention if they are missing.
 * Tasks of one connector start together, so another task may create a table at the same moment: each table is
 * created in a transaction of its own, and losing that race counts as success once the table is found.
 */
public final class BookkeepingTables {

    private static final Logger LOG = LoggerFactory.getLogger(BookkeepingTables.class);

    /** Enough for every task of a connector to lose one race per table. */
    private static final int ATTEMPTS = 5;

    private final List<String> statements = new ArrayList<>();
    private final InboxTable inbox;
    private final OffsetsTable offsets;
    private boolean created;

    /** @param inboxAgeIndex whether the inbox needs the index retention deletes by */
    public BookkeepingTables(
            Dialect dialect, InboxTable inbox, OffsetsTable offsets, List<Mapping> mappings, boolean inboxAgeIndex) {
        this.inbox = inbox;
        this.offsets = offsets;
        statements.add(inbox.createStatement());
        if (inboxAgeIndex) {
            statements.add(inbox.createAgeIndexStatement());
        }
        statements.add(offsets.createStatement());
        for (Mapping mapping : mappings) {
            if (mapping.keepsTombstones()) {
                statements.addAll(dialect.createTombstones(mapping));
            }
        }
    }

    /**
     * Creates what is missing, once per task, and refuses inbox and offsets tables of an earlier version; a failure
     * leaves it to the next call.
     */
    public void ensure(Connection connection) throws SQLException {
        if (created) {
            return;
        }
        for (String sql : statements) {
            create(connection, sql);
        }
        inbox.requireCurrentShape(connection);
        offsets.requireCurrentShape(connection);
        connection.commit();
        created = true;
    }

    private static void create(Connection connection, String sql) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
                connection.commit();
                return;
            } catch (SQLException e) {
                connection.rollback();
                if (!SqlErrors.isDuplicateObject(e) || attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.debug("Another task created a bookkeeping table at the same time (SQLState {})", e.getSQLState());
            }
        }
    }
}
