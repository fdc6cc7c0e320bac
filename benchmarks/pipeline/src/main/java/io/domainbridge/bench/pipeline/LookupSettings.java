package io.domainbridge.bench.pipeline;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** The lookup benchmark's settings, from {@code LOOKUP_*} environment variables (see {@code benchmarks/scripts/run-lookup.sh}). */
record LookupSettings(
        int commands,
        int clients,
        int serverThreads,
        double rate,
        Duration duration,
        int rounds,
        Duration warmup,
        Duration saturated,
        Duration outage) {

    static LookupSettings fromEnvironment() {
        Map<String, String> env = System.getenv();
        int clients = Integer.parseInt(env.getOrDefault("LOOKUP_CLIENTS", "8"));
        return new LookupSettings(
                Integer.parseInt(env.getOrDefault("LOOKUP_COMMANDS", "2000")),
                clients,
                Integer.parseInt(env.getOrDefault("LOOKUP_SERVER_THREADS", Integer.toString(clients))),
                Double.parseDouble(env.getOrDefault("LOOKUP_RATE", "500")),
                seconds(env, "LOOKUP_SECONDS", 8),
                Integer.parseInt(env.getOrDefault("LOOKUP_ROUNDS", "3")),
                seconds(env, "LOOKUP_WARMUP_SECONDS", 4),
                seconds(env, "LOOKUP_SATURATED_SECONDS", 5),
                seconds(env, "LOOKUP_OUTAGE_SECONDS", 3));
    }

    private static Duration seconds(Map<String, String> env, String name, int defaultSeconds) {
        return Duration.ofSeconds(Long.parseLong(env.getOrDefault(name, Integer.toString(defaultSeconds))));
    }

    /** The setup paragraph of the report. */
    String describe() {
        return String.format(
                Locale.ROOT,
                "The shipping scenario runs end to end on an embedded KRaft broker and Connect worker: %,d commands in"
                        + " Logistics' PostgreSQL database, captured by Debezium's PostgreSQL connector, filtered by"
                        + " DomainBoundary and applied by CommandSink into Customer Service's `package_lookup` table;"
                        + " the benchmark waits until every consumer equals the source through its contract and checks"
                        + " that both lookups return the same package for 200 ids before timing anything. The pipeline"
                        + " keeps running during the lookups. Both lookups fetch the contract's columns of one package"
                        + " by primary key and build the same `PackageView`: (a) a prepared JDBC query on the replica,"
                        + " one connection per client thread; (b) `GET /packages/{id}` with `java.net.http.HttpClient`"
                        + " (HTTP/1.1, kept alive, JSON parsed with Jackson) to Logistics' service, the JDK's"
                        + " `HttpServer` (`sun.net.httpserver.nodelay=true`) on a fixed pool of %d threads, each with its own JDBC connection running the"
                        + " equivalent query on Logistics' `shipping.packages`. Ids are drawn uniformly from the"
                        + " packages present, the same sequence for both sides. %d client threads in the benchmark's"
                        + " JVM; in the open loop each thread has a fixed schedule (together %,.0f lookups/s, evenly"
                        + " staggered) and latency runs from the intended send time, so a stall counts against every"
                        + " lookup it delays; lookups still scheduled when the clients are a whole run length behind are"
                        + " not sent and counted. Rounds alternate which side goes first; the table merges the rounds."
                        + " Warm-up %d s per side first (not reported). Then each side closed-loop (back to back)"
                        + " for its maximum throughput, then the open loop once more with Logistics' service stopped."
                        + " PostgreSQL 15 on the same host serves both databases; broker, worker, service and clients"
                        + " share the benchmark's JVM.",
                commands,
                serverThreads,
                clients,
                rate,
                warmup.toSeconds());
    }
}
