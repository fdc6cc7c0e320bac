package io.domainbridge.it.scenarios;

import io.domainbridge.testkit.scenarios.HcmScenario;
import io.domainbridge.testkit.scenarios.ScenarioDriver;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HCM scenario with all four connectors of {@code connect-configs/hcm} on one stack: a few hundred hires, pay
 * changes and timecard swipes, then Payroll holds what the source and the contract say and has counted every swipe
 * exactly once.
 */
class HcmScenarioIT {

    @Test
    void everyConsumerHoldsWhatTheSourceAndTheContractsSay(@TempDir Path pluginPath) throws Exception {
        try (ScenarioDriver driver = new ScenarioDriver(new HcmScenario())) {
            driver.start(pluginPath);

            driver.runCommands(300, 7L);

            driver.assertConsistent();
            driver.auditReplication();
            driver.assertNothingDeadLettered();
        }
    }
}
