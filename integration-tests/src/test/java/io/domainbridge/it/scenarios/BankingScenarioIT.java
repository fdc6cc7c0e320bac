package io.domainbridge.it.scenarios;

import io.domainbridge.testkit.scenarios.BankingScenario;
import io.domainbridge.testkit.scenarios.ScenarioDriver;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The banking scenario with all five connectors of {@code connect-configs/banking} on one stack (events as structured
 * CloudEvents): a few hundred account openings and postings, then Mobile Banking, the General Ledger and Investment
 * Management hold what the source and the contract say.
 */
class BankingScenarioIT {

    @Test
    void everyConsumerHoldsWhatTheSourceAndTheContractsSay(@TempDir Path pluginPath) throws Exception {
        try (ScenarioDriver driver = new ScenarioDriver(new BankingScenario())) {
            driver.start(pluginPath);

            driver.runCommands(300, 8L);

            driver.assertConsistent();
            driver.auditReplication();
            driver.assertNothingDeadLettered();
        }
    }
}
