package io.domainbridge.it.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.domainbridge.testkit.failure.EventGate;
import io.domainbridge.testkit.failure.FailoverCluster;
import io.domainbridge.testkit.failure.FastFailover;
import io.domainbridge.testkit.failure.KillPoints;
import io.domainbridge.testkit.failure.Placement;
import io.domainbridge.testkit.failure.Soak;
import io.domainbridge.testkit.failure.Takeovers;
import io.domainbridge.testkit.failure.WorkerKill;
import io.domainbridge.testkit.scenarios.ScenarioDriver;
import io.domainbridge.testkit.scenarios.ScenarioSink;
import io.domainbridge.testkit.scenarios.ShippingScenario;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Connect cluster of two workers, each a JVM of its own, runs the shipping scenario's five connectors, the outbox
 * path and the replication path, while 20,000 events flow. At seeded random points of the stream one worker is
 * killed with SIGKILL, in turn the one running the first Debezium source and the other one; the survivor takes its
 * connectors and tasks over, and a fresh worker joins before the next kill. Afterwards every consumer holds what the
 * source and the contracts say, each inbox holds each event once, and nothing was dead-lettered.
 * {@value Soak#FACTOR} multiplies events and kills; the seed is logged and can be given back as {@value #SEED}.
 */
class WorkerKillIT {

    static final String SEED = "domainbridge.failure.seed";

    private static final Logger LOG = LoggerFactory.getLogger(WorkerKillIT.class);
    private static final int EVENTS = 20_000;
    private static final int KILLS = 3;
    private static final Duration LOAD_PER_KILL = Duration.ofSeconds(40);
    private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(3);
    private static final Path LOGS = Path.of("target", "worker-kill");

    /** Bounded at twelve minutes per unit of load, so the soak variants get the time their volume needs. */
    @Test
    void consumersEndConsistentWhenWorkersAreKilledMidStream(@TempDir Path pluginPath) {
        int factor = Soak.factor();
        assertTimeoutPreemptively(Duration.ofMinutes(12L * factor), () -> killWorkersMidStream(pluginPath, factor));
    }

    private void killWorkersMidStream(Path pluginPath, int factor) throws Exception {
        long seed = Long.getLong(SEED, System.currentTimeMillis());
        int events = EVENTS * factor;
        int kills = KILLS * factor;
        LOG.info("Worker kill test: {} events, {} kills, seed {} (-D{}={})", events, kills, seed, SEED, seed);
        Random random = new Random(seed);
        try (ScenarioDriver driver = new ScenarioDriver(new ShippingScenario()).wallClockEvents();
                FailoverCluster cluster = new FailoverCluster(driver, LOGS)) {
            driver.start(pluginPath, 1, FastFailover.WORKER);
            cluster.start();
            List<Integer> points = KillPoints.of(events, kills, random);
            EventGate gate = new EventGate(points.get(0));
            Takeovers takeovers = new Takeovers(LOG);
            List<WorkerKill> done =
                    runLoadWithKills(driver, cluster, gate, events, points, random.nextLong(), takeovers);
            takeovers.logSummary(getClass().getSimpleName());
            LOG.info(
                    "{} kills moved {} tasks to the survivor",
                    done.size(),
                    done.stream().mapToInt(kill -> kill.tasks().size()).sum());

            assertThat(gate.produced()).as("outbox events produced").isGreaterThanOrEqualTo(events);
            assertThat(done).hasSize(kills).allSatisfy(kill -> assertThat(kill.tasks())
                    .as("tasks on the worker killed at event %d", kill.atEvent())
                    .isNotEmpty());
            driver.assertConsistent();
            driver.auditReplication();
            driver.assertNothingDeadLettered();
        }
    }

    private List<WorkerKill> runLoadWithKills(
            ScenarioDriver driver,
            FailoverCluster cluster,
            EventGate gate,
            int events,
            List<Integer> points,
            long commandSeed,
            Takeovers takeovers)
            throws Exception {
        Duration load = LOAD_PER_KILL.multipliedBy(points.size());
        int rate = (int) Math.ceil((double) events / load.toSeconds());
        List<WorkerKill> done = new ArrayList<>();
        String source = cluster.firstSource();
        ExecutorService loader = Executors.newSingleThreadExecutor();
        try {
            // a loaded machine commits fewer commands than the rate asks for: the load goes on until the stream is full
            Future<Integer> commands = loader.submit(() -> {
                int committed = 0;
                for (long seed = commandSeed; gate.produced() < events; seed++) {
                    long seconds = Math.max(1, (events - gate.produced()) / rate + 1);
                    committed += driver.runLoad(rate, Duration.ofSeconds(seconds), seed, gate);
                }
                return committed;
            });
            for (int i = 0; i < points.size(); i++) {
                int point = points.get(i);
                await("event " + point)
                        .atMost(STREAM_TIMEOUT)
                        .until(() -> gate.produced() >= point || commands.isDone());
                assertThat(commands)
                        .as("the stream still flows at kill point %d", point)
                        .isNotDone();
                gate.openUpTo(i + 1 < points.size() ? points.get(i + 1) : Integer.MAX_VALUE);
                WorkerKill kill = cluster.kill(source, i % 2 == 0, gate::produced);
                long killedAt = System.nanoTime();
                cluster.awaitTakeover(kill);
                LOG.info(
                        "Killed {} at event {} (planned {}), running {}; the survivor ran all of it after {} ms",
                        kill.workerId(),
                        kill.atEvent(),
                        point,
                        kill.held().stream().map(Placement::unit).toList(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt));
                measureTakeover(driver, kill, takeovers);
                done.add(kill);
                cluster.replaceKilled();
            }
            LOG.info("{} commands committed", commands.get(STREAM_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        } finally {
            loader.shutdownNow();
        }
        return done;
    }

    /**
     * For each event sink whose task the killed worker ran: from the kill to the first event its inbox recorded
     * afterwards. Each sink has one task, so that event was applied by the survivor. The replicated-row sink keeps no
     * inbox and is left out.
     */
    private static void measureTakeover(ScenarioDriver driver, WorkerKill kill, Takeovers takeovers) {
        List<ScenarioSink> sinks = ScenarioSink.of(driver);
        for (Placement task : kill.tasks()) {
            sinks.stream()
                    .filter(sink -> sink.connector().equals(task.connector()) && sink.appliesEvents())
                    .findFirst()
                    .ifPresent(sink -> takeovers.add(
                            "SIGKILL",
                            kill.workerId(),
                            firstAppliedAfter(driver, sink, kill.killedAt()),
                            sink.connector() + ", killed at event " + kill.atEvent()));
        }
    }

    private static Duration firstAppliedAfter(ScenarioDriver driver, ScenarioSink sink, Instant killedAt) {
        String query = "select (extract(epoch from min(applied_at)) * 1000)::bigint from domainbridge_inbox"
                + " where consumer = '" + sink.consumer() + "' and applied_at > to_timestamp("
                + killedAt.toEpochMilli() + " / 1000.0)";
        AtomicLong first = new AtomicLong(-1);
        await("first event applied by " + sink.connector() + " after the kill")
                .atMost(STREAM_TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    String millis =
                            driver.databases().rows(sink.domain(), query).get(0);
                    if (!millis.equals("null")) {
                        first.set(Long.parseLong(millis));
                    }
                    return first.get() >= 0;
                });
        return Duration.ofMillis(first.get() - killedAt.toEpochMilli());
    }
}
