package io.domainbridge.bench.pipeline;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;

/**
 * The benchmark's replicated rows: a flat 10-column customer row, the same values whether serialized for Kafka
 * (JsonConverter with schemas, as a flattened Debezium row arrives) or bound to a raw JDBC statement.
 */
final class BenchRows {

    static final List<String> COLUMNS =
            List.of("id", "name", "email", "city", "country", "balance", "orders", "active", "score", "updated_at");

    private static final String[] CITIES = {"Utrecht", "Amsterdam", "Rotterdam", "Ghent", "Lyon", "Porto"};
    private static final String[] COUNTRIES = {"NL", "BE", "FR", "PT", "DE"};
    private static final long EPOCH = 1_764_000_000_000L;

    static final Schema SCHEMA = SchemaBuilder.struct()
            .name("bench.shop.customers.Value")
            .field("id", Schema.INT64_SCHEMA)
            .field("name", Schema.STRING_SCHEMA)
            .field("email", Schema.OPTIONAL_STRING_SCHEMA)
            .field("city", Schema.STRING_SCHEMA)
            .field("country", Schema.STRING_SCHEMA)
            .field("balance", Schema.FLOAT64_SCHEMA)
            .field("orders", Schema.INT32_SCHEMA)
            .field("active", Schema.BOOLEAN_SCHEMA)
            .field("score", Schema.INT64_SCHEMA)
            .field(
                    "updated_at",
                    org.apache.kafka.connect.data.Timestamp.builder().build())
            .build();

    private final JsonConverter converter = new JsonConverter();

    BenchRows() {
        converter.configure(Map.of("schemas.enable", "true"), false);
    }

    static String createTable(String table) {
        return "create table " + table + " (id bigint primary key, name varchar(100) not null, email varchar(100),"
                + " city varchar(50) not null, country varchar(10) not null, balance double precision not null,"
                + " orders int not null, active boolean not null, score bigint not null,"
                + " updated_at timestamp not null)";
    }

    static String upsert(String table) {
        String columns = String.join(", ", COLUMNS);
        String placeholders = COLUMNS.stream().map(c -> "?").collect(Collectors.joining(", "));
        String updates =
                COLUMNS.stream().skip(1).map(c -> c + " = excluded." + c).collect(Collectors.joining(", "));
        return "insert into " + table + " (" + columns + ") values (" + placeholders
                + ") on conflict (id) do update set " + updates;
    }

    Struct row(long id) {
        return new Struct(SCHEMA)
                .put("id", id)
                .put("name", "Customer " + id)
                .put("email", "customer" + id + "@example.org")
                .put("city", CITIES[(int) (id % CITIES.length)])
                .put("country", COUNTRIES[(int) (id % COUNTRIES.length)])
                .put("balance", id * 1.25)
                .put("orders", (int) (id % 97))
                .put("active", id % 3 != 0)
                .put("score", id * 31)
                .put("updated_at", new Date(EPOCH + id * 1000));
    }

    byte[] json(String topic, long id) {
        return converter.fromConnectData(topic, SCHEMA, row(id));
    }

    static void bind(PreparedStatement statement, Struct row) throws SQLException {
        statement.setLong(1, row.getInt64("id"));
        statement.setString(2, row.getString("name"));
        statement.setString(3, row.getString("email"));
        statement.setString(4, row.getString("city"));
        statement.setString(5, row.getString("country"));
        statement.setDouble(6, row.getFloat64("balance"));
        statement.setInt(7, row.getInt32("orders"));
        statement.setBoolean(8, row.getBoolean("active"));
        statement.setLong(9, row.getInt64("score"));
        statement.setTimestamp(10, new Timestamp(((Date) row.get("updated_at")).getTime()));
    }
}
