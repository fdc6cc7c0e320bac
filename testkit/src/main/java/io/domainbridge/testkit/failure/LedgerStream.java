package io.domainbridge.testkit.failure;

import io.domainbridge.testkit.sink.SinkEvents;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/**
 * A seeded stream of envelope events on two topics, keyed by aggregate id with a version per aggregate: deposits to
 * accounts and address changes of customers. It knows what the consumer tables must hold once each event was applied
 * exactly once and in order per aggregate: the oracle of the scale-out test.
 */
public final class LedgerStream {

    public static final String ACCOUNTS = "scaleout.account.events";
    public static final String CUSTOMERS = "scaleout.customer.events";
    public static final int AGGREGATES = 40;
    public static final long FIRST_CUSTOMER = 1001;
    /** A header with the event id, so that the producer's acknowledgement says where each event landed. */
    public static final String ID_HEADER = "event-id";

    private static final Schema DEPOSITED = SchemaBuilder.struct()
            .field("accountId", Schema.INT64_SCHEMA)
            .field("version", Schema.INT64_SCHEMA)
            .field("amount", Schema.INT64_SCHEMA)
            .build();
    private static final Schema ADDRESS_CHANGED = SchemaBuilder.struct()
            .field("customerId", Schema.INT64_SCHEMA)
            .field("version", Schema.INT64_SCHEMA)
            .field("address", Schema.STRING_SCHEMA)
            .build();

    private final SinkEvents events = new SinkEvents();
    private final Random random;
    private final List<String> ids = new ArrayList<>();
    private final Map<Long, Long> balances = new TreeMap<>();
    private final Map<Long, Long> versions = new TreeMap<>();
    private final Map<Long, String> addresses = new TreeMap<>();

    public LedgerStream(long seed) {
        random = new Random(seed);
    }

    /** The consumer's tables: every account exists with balance 0; customers appear with their first address. */
    public static String[] ddl() {
        return new String[] {
            "create table accounts (account_id bigint primary key, balance bigint not null, version bigint not null,"
                    + " applied_count int not null)",
            "insert into accounts select id, 0, 0, 0 from generate_series(1, " + AGGREGATES + ") id",
            "create table addresses (customer_id bigint primary key, address varchar(100) not null,"
                    + " version bigint not null, applied_count int not null)",
            "create table applied_events (seq bigserial primary key, event_id varchar(64) not null,"
                    + " aggregate_id varchar(32) not null, version bigint not null,"
                    + " applied_at timestamptz not null default clock_timestamp())"
        };
    }

    /** The next event, with a new id, as the record to produce. */
    public ProducerRecord<byte[], byte[]> next() {
        String id = "ev-" + ids.size();
        ids.add(id);
        boolean deposit = random.nextBoolean();
        long aggregate = (deposit ? 1 : FIRST_CUSTOMER) + random.nextInt(AGGREGATES);
        long version = versions.merge(aggregate, 1L, Long::sum);
        String value;
        if (deposit) {
            long amount = 1 + random.nextInt(1000);
            balances.merge(aggregate, amount, Long::sum);
            Struct data = new Struct(DEPOSITED)
                    .put("accountId", aggregate)
                    .put("version", version)
                    .put("amount", amount);
            value = events.event(id, "Deposited", "account", Long.toString(aggregate), data);
        } else {
            String address = "Street " + ids.size() + ", Utrecht";
            addresses.put(aggregate, address);
            Struct data = new Struct(ADDRESS_CHANGED)
                    .put("customerId", aggregate)
                    .put("version", version)
                    .put("address", address);
            value = events.event(id, "AddressChanged", "customer", Long.toString(aggregate), data);
        }
        ProducerRecord<byte[], byte[]> record =
                new ProducerRecord<>(deposit ? ACCOUNTS : CUSTOMERS, bytes(Long.toString(aggregate)), bytes(value));
        record.headers().add(ID_HEADER, bytes(id));
        return record;
    }

    public List<String> ids() {
        return List.copyOf(ids);
    }

    /** {@code account_id:balance:version:applied_count} of every account, in account order. */
    public List<String> expectedAccounts() {
        List<String> rows = new ArrayList<>();
        for (long account = 1; account <= AGGREGATES; account++) {
            long version = versions.getOrDefault(account, 0L);
            rows.add(account + ":" + balances.getOrDefault(account, 0L) + ":" + version + ":" + version);
        }
        return rows;
    }

    /** {@code customer_id:address:version:applied_count} of every customer that changed address, in order. */
    public List<String> expectedAddresses() {
        return addresses.entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue() + ":" + versions.get(e.getKey()) + ":"
                        + versions.get(e.getKey()))
                .toList();
    }

    /** {@code aggregate_id:1,2,...,n}: the versions each aggregate's events must have been applied in. */
    public List<String> expectedOrder() {
        return versions.entrySet().stream()
                .map(e -> {
                    StringBuilder order = new StringBuilder(e.getKey() + ":");
                    for (long v = 1; v <= e.getValue(); v++) {
                        order.append(v == 1 ? "" : ",").append(v);
                    }
                    return order.toString();
                })
                .toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
