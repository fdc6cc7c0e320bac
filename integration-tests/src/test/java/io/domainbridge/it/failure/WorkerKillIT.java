package io.domainbridge.it.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.domainbridge.it.scenarios.ScenarioDriver;
import io.domainbridge.it.scenarios.ShippingScenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.runtime.distributed.DistributedConfig;
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

    /**
     * A dead worker, and a dead sink task's consumer, is noticed within seconds; its work is reassigned after three
     * seconds instead of the default five minutes.
     */
    private static final Map<String, String> FAST_FAILOVER = Map.of(
            DistributedConfig.SCHEDULED_REBALANCE_MAX_DELAY_MS_CONFIG,
            "3000",
            DistributedConfig.SESSION_TIMEOUT_MS_CONFIG,
            "6000",
            DistributedConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
            "1000",
            DistributedConfig.REBALANCE_TIMEOUT_MS_CONFIG,
            "20000",
            "consumer.session.timeout.ms",
            "6000",
            "consumer.heartbeat.interval.ms",
            "1000");

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
            driver.start(pluginPath, 1, FAST_FAILOVER);
            cluster.start();
            List<Integer> points = KillPoints.of(events, kills, random);
            EventGate gate = new EventGate(points.get(0));
            List<WorkerKill> done = runLoadWithKills(driver, cluster, gate, events, points, random.nextLong());
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
            long commandSeed)
            throws Exception {
        Duration load = LOAD_PER_KILL.multipliedBy(points.size());
        int rate = (int) Math.ceil((double) events / load.toSeconds());
        List<WorkerKill> done = new ArrayList<>();
        String source = cluster.firstSource();
        ExecutorService loader = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> commands = loader.submit(() -> driver.runLoad(rate, load, commandSeed, gate));
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
                done.add(kill);
                cluster.replaceKilled();
            }
            LOG.info("{} commands committed", commands.get(STREAM_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        } finally {
            loader.shutdownNow();
        }
        return done;
    }
}
