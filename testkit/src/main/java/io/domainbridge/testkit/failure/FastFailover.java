package io.domainbridge.testkit.failure;

import java.util.Map;
import org.apache.kafka.connect.runtime.distributed.DistributedConfig;

/**
 * Settings that let a Connect cluster notice a dead worker, and a dead sink task's consumer, within seconds and
 * reassign its work after three seconds, instead of Connect's defaults (five minutes of
 * {@code scheduled.rebalance.max.delay.ms}, a 45 s consumer session). docs/operations.md explains each of them.
 */
public final class FastFailover {

    /** Worker properties: the worker group's failure detection and the sink consumers' session, for every sink. */
    public static final Map<String, String> WORKER = Map.of(
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

    /**
     * The worker properties without the consumer session, which the sink then sets for itself ({@link #SINK}), as a
     * deployment does that shortens it for one connector only; the worker's override policy allows it.
     */
    public static final Map<String, String> WORKER_GROUP_ONLY = Map.of(
            DistributedConfig.SCHEDULED_REBALANCE_MAX_DELAY_MS_CONFIG,
            "3000",
            DistributedConfig.SESSION_TIMEOUT_MS_CONFIG,
            "6000",
            DistributedConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
            "1000",
            DistributedConfig.REBALANCE_TIMEOUT_MS_CONFIG,
            "20000",
            "connector.client.config.override.policy",
            "Allowlist",
            "connector.client.config.override.allowlist",
            "session.timeout.ms,heartbeat.interval.ms");

    /** Connector properties of a sink: its consumer's session, through the override the policy allows. */
    public static final Map<String, String> SINK =
            Map.of("consumer.override.session.timeout.ms", "6000", "consumer.override.heartbeat.interval.ms", "1000");

    private FastFailover() {}
}
