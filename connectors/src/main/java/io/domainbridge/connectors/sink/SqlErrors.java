package io.domainbridge.connectors.sink;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/** Sorts database errors into those worth a retry, those a single record caused, and the rest. */
public final class SqlErrors {

    /** How the sink reacts to an error. */
    public enum Kind {
        /**
         * Connection loss, a server shutting down, crashed or still starting up, serialization failure, deadlock, lock
         * wait timeout: roll back and retry the batch.
         */
        TRANSIENT,
        /**
         * Constraint violations, data exceptions, and a value whose type the column cannot take (e.g. text bound to an
         * integer column): the record goes to the dead-letter queue.
         */
        RECORD,
        /** Anything else (missing table, bad SQL, permissions): the task fails. */
        FATAL
    }

    /**
     * Serialization failure, deadlock, and PostgreSQL's admin_shutdown, crash_shutdown and cannot_connect_now: a server
     * that is being stopped, went down with a crashed backend, or is not yet accepting connections while it starts up
     * or recovers from a crash.
     */
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "57P01", "57P02", "57P03");

    private static final Set<Integer> MARIADB_TRANSIENT_CODES = Set.of(1205, 1213);

    /**
     * A concurrent creator won: PostgreSQL's duplicate_table, duplicate_object, and the unique violation on its
     * catalog (pg_type) that two {@code CREATE TABLE IF NOT EXISTS} racing each other end in; the standard state for
     * an existing table; MariaDB's table-exists and duplicate-key-name codes.
     */
    private static final Set<String> DUPLICATE_OBJECT_STATES = Set.of("42P07", "42710", "23505", "42S01");

    private static final Set<Integer> MARIADB_DUPLICATE_OBJECT_CODES = Set.of(1050, 1061);
    private static final String DATATYPE_MISMATCH = "42804";

    private SqlErrors() {}

    public static Kind classify(SQLException error) {
        Kind kind = Kind.FATAL;
        int depth = 0;
        for (Throwable t = error; t != null && depth++ < 20; t = next(t)) {
            if (t instanceof SQLException e) {
                Kind one = classifyOne(e);
                if (one == Kind.TRANSIENT) {
                    return one;
                }
                kind = kind == Kind.FATAL ? one : kind;
            }
        }
        return kind;
    }

    /** Whether a DDL statement failed because the object it creates was created concurrently. */
    public static boolean isDuplicateObject(SQLException error) {
        return DUPLICATE_OBJECT_STATES.contains(error.getSQLState())
                || MARIADB_DUPLICATE_OBJECT_CODES.contains(error.getErrorCode());
    }

    private static Kind classifyOne(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08")
                || TRANSIENT_STATES.contains(state)
                || MARIADB_TRANSIENT_CODES.contains(e.getErrorCode())
                || e instanceof SQLTransientException
                || e instanceof SQLRecoverableException) {
            return Kind.TRANSIENT;
        }
        if (state.startsWith("23") || state.startsWith("22") || state.equals(DATATYPE_MISMATCH)) {
            return Kind.RECORD;
        }
        return Kind.FATAL;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof SQLException e && e.getNextException() != null && e.getNextException() != t) {
            return e.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}
