package io.domainbridge.bench.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

/**
 * Drives lookups of random package ids from several client threads, each with its own {@link PackageLookup}.
 *
 * <p>Open loop: the threads share a fixed total arrival rate, each on a schedule of its own (staggered, so the
 * arrivals are evenly spaced), and a lookup's latency runs from its intended send time, not from when a busy thread
 * got round to it: a stall shows up in every lookup it delays (no coordinated omission). Closed loop: each thread
 * looks up as fast as it can, for the maximum throughput.
 */
final class LookupLoad {

    /**
     * Latencies of successful lookups, the count of failed ones, the first failure, how long the run took, and how
     * many scheduled lookups were never sent because the clients were still that far behind when the grace time after
     * the run ran out (open loop only).
     */
    record Result(Latencies latencies, long errors, String firstError, double seconds, long unsent) {

        long ok() {
            return latencies.count();
        }

        double throughput() {
            return ok() / seconds;
        }
    }

    private final long[] ids;
    private final long seed;

    LookupLoad(long[] ids, long seed) {
        this.ids = ids.clone();
        this.seed = seed;
    }

    /** Up to {@code count} ids spread over the whole set. */
    long[] sample(int count) {
        int step = Math.max(1, ids.length / count);
        return IntStream.range(0, Math.min(count, ids.length))
                .mapToLong(i -> ids[i * step])
                .toArray();
    }

    /** Lookups arriving at {@code rate} per second in total across the clients, for the duration. */
    Result openLoop(List<? extends PackageLookup> clients, double rate, Duration duration) throws InterruptedException {
        long interval = (long) (clients.size() * 1e9 / rate);
        long stagger = (long) (1e9 / rate);
        return run(clients, duration, interval, stagger);
    }

    /** Each client looks up back to back for the duration. */
    Result closedLoop(List<? extends PackageLookup> clients, Duration duration) throws InterruptedException {
        return run(clients, duration, 0, 0);
    }

    private Result run(List<? extends PackageLookup> clients, Duration duration, long interval, long stagger)
            throws InterruptedException {
        long start = System.nanoTime() + Duration.ofMillis(50).toNanos();
        long end = start + duration.toNanos();
        List<Latencies> perThread = new ArrayList<>();
        long giveUp = end + duration.toNanos();
        long[] errors = new long[clients.size()];
        long[] unsent = new long[clients.size()];
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int k = 0; k < clients.size(); k++) {
            Latencies latencies = new Latencies();
            perThread.add(latencies);
            PackageLookup client = clients.get(k);
            int index = k;
            Random random = new Random(seed + k);
            long first = start + k * stagger;
            Thread thread = new Thread(
                    () -> {
                        long[] outcome = drive(client, random, first, interval, end, giveUp, latencies, firstError);
                        errors[index] = outcome[0];
                        unsent[index] = outcome[1];
                    },
                    "lookup-client-" + k);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = Math.max(System.nanoTime(), end) - start;
        Latencies all = new Latencies();
        perThread.forEach(all::addAll);
        return new Result(all, sum(errors), firstError.get(), seconds / 1e9, sum(unsent));
    }

    /** The failure's kind and message, or its cause when it has no message (as a refused connection). */
    private static String describe(Exception e) {
        String detail = e.getMessage() != null ? e.getMessage() : String.valueOf(e.getCause());
        return e.getClass().getSimpleName() + ": " + detail;
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long value : values) {
            total += value;
        }
        return total;
    }

    /** One client's loop; returns its number of failed lookups and of scheduled lookups it gave up on. */
    private long[] drive(
            PackageLookup client,
            Random random,
            long first,
            long interval,
            long end,
            long giveUp,
            Latencies latencies,
            AtomicReference<String> firstError) {
        long failures = 0;
        long intended = first;
        for (; intended < end; intended = interval > 0 ? intended + interval : System.nanoTime()) {
            if (System.nanoTime() > giveUp) {
                break;
            }
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long id = ids[random.nextInt(ids.length)];
            long sent = interval > 0 ? intended : System.nanoTime();
            try {
                PackageView view = client.find(id);
                if (view.id() != id) {
                    throw new IllegalStateException("Asked for package " + id + ", got " + view.id());
                }
                latencies.add(System.nanoTime() - sent);
            } catch (Exception e) {
                failures++;
                firstError.compareAndSet(null, describe(e));
            }
        }
        long unsent = interval > 0 && intended < end ? (end - intended + interval - 1) / interval : 0;
        return new long[] {failures, unsent};
    }
}
