package io.domainbridge.it.scenarios;

import io.domainbridge.testkit.scenarios.ScenarioDriver;
import io.domainbridge.testkit.scenarios.ShippingScenario;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipping scenario with all five connectors of {@code connect-configs/shipping} on one stack: a few hundred
 * Logistics commands, then Customer Service, Billing and Customer Tracking hold what the source and the contracts say.
 */
class ShippingScenarioIT {

    @Test
    void everyConsumerHoldsWhatTheSourceAndTheContractsSay(@TempDir Path pluginPath) throws Exception {
        try (ScenarioDriver driver = new ScenarioDriver(new ShippingScenario())) {
            driver.start(pluginPath);

            driver.runCommands(300, 6L);

            driver.assertConsistent();
            driver.auditReplication();
            driver.assertNothingDeadLettered();
        }
    }
}
