package io.domainbridge.connectors;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A hand-written stand-in for a JDBC database: it records what the sink executes (SQL and bound parameters, per
 * transaction), answers the inbox and offsets queries, and throws a scripted error for chosen executions.
 */
final class FakeDatabase {

    /** One execution: the SQL and its parameters by index. */
    record Execution(String sql, List<Object> parameters) {}

    final List<Execution> committed = new ArrayList<>();
    final Set<String> inbox = new HashSet<>();
    final List<Object[]> offsets = new ArrayList<>();
    int commits;
    int rollbacks;
    int savepointRollbacks;

    private final List<Execution> transaction = new ArrayList<>();
    private Predicate<Execution> failWhen = e -> false;
    private SQLException failure;
    private int failuresLeft;

    /** The next {@code times} executions matching the predicate throw the error. */
    void fail(Predicate<Execution> when, SQLException error, int times) {
        this.failWhen = when;
        this.failure = error;
        this.failuresLeft = times;
    }

    List<String> committedSql() {
        return committed.stream().map(Execution::sql).toList();
    }

    Connection connection() {
        return proxy(Connection.class, (p, method, args) -> switch (method.getName()) {
            case "prepareStatement" -> statement((String) args[0]);
            case "createStatement" -> proxy(
                    Statement.class, (q, m, a) -> m.getName().equals("execute") ? execute((String) a[0]) : null);
            case "commit" -> commit();
            case "rollback" -> rollback(args);
            case "setSavepoint" -> new SavepointMark(transaction.size());
            case "createArrayOf" -> proxy(Array.class, (q, m, a) -> args[1]);
            case "isValid" -> true;
            case "isClosed" -> false;
            default -> null;
        });
    }

    /** A plain statement (DDL): it fails like the prepared ones when the predicate says so, otherwise does nothing. */
    private Object execute(String sql) throws SQLException {
        if (failuresLeft > 0 && failWhen.test(new Execution(sql, List.of()))) {
            failuresLeft--;
            throw failure;
        }
        return false;
    }

    private Object commit() {
        for (Execution execution : transaction) {
            committed.add(execution);
            if (execution.sql().contains("inbox") && execution.sql().startsWith("INSERT")) {
                inbox.add((String) execution.parameters().get(1));
            }
        }
        transaction.clear();
        commits++;
        return null;
    }

    private Object rollback(Object[] args) {
        if (args != null && args.length == 1) {
            int mark = ((SavepointMark) args[0]).size;
            transaction.subList(mark, transaction.size()).clear();
            savepointRollbacks++;
        } else {
            transaction.clear();
            rollbacks++;
        }
        return null;
    }

    private PreparedStatement statement(String sql) {
        Map<Integer, Object> parameters = new TreeMap<>();
        List<Execution> batch = new ArrayList<>();
        return proxy(PreparedStatement.class, (p, method, args) -> {
            String name = method.getName();
            if (name.startsWith("set") && args.length >= 2) {
                parameters.put((Integer) args[0], name.equals("setNull") ? null : args[1]);
                return null;
            }
            return switch (name) {
                case "addBatch" -> batch.add(new Execution(sql, new ArrayList<>(parameters.values())));
                case "executeBatch" -> execute(batch);
                case "executeUpdate" -> execute(
                                new ArrayList<>(List.of(new Execution(sql, new ArrayList<>(parameters.values())))))
                        .length;
                case "executeQuery" -> query(sql, new ArrayList<>(parameters.values()));
                default -> null;
            };
        });
    }

    private int[] execute(List<Execution> executions) throws SQLException {
        List<Execution> copy = List.copyOf(executions);
        executions.clear();
        for (Execution execution : copy) {
            if (failuresLeft > 0 && failWhen.test(execution)) {
                failuresLeft--;
                throw failure;
            }
            transaction.add(execution);
        }
        return new int[copy.size()];
    }

    private ResultSet query(String sql, List<Object> parameters) {
        List<Object[]> rows = new ArrayList<>();
        if (sql.contains("event_id IN") || sql.contains("unnest")) {
            // the consumer name is never an event id of the tests
            parameters.stream()
                    .flatMap(FakeDatabase::elements)
                    .filter(inbox::contains)
                    .forEach(id -> rows.add(new Object[] {id}));
        } else {
            rows.addAll(offsets);
        }
        int[] position = {-1};
        return proxy(ResultSet.class, (p, method, args) -> switch (method.getName()) {
            case "next" -> ++position[0] < rows.size();
            case "getString" -> String.valueOf(rows.get(position[0])[(Integer) args[0] - 1]);
            case "getInt" -> ((Number) rows.get(position[0])[(Integer) args[0] - 1]).intValue();
            case "getLong" -> ((Number) rows.get(position[0])[(Integer) args[0] - 1]).longValue();
            default -> null;
        });
    }

    private static Stream<Object> elements(Object parameter) {
        try {
            return parameter instanceof Array array ? Arrays.stream((Object[]) array.getArray()) : Stream.of(parameter);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private record SavepointMark(int size) implements Savepoint {
        @Override
        public int getSavepointId() {
            return size;
        }

        @Override
        public String getSavepointName() {
            return "s" + size;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(FakeDatabase.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
