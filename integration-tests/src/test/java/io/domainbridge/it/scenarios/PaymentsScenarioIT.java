package io.domainbridge.it.scenarios;

import io.domainbridge.testkit.scenarios.PaymentsScenario;
import io.domainbridge.testkit.scenarios.ScenarioDriver;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The payments scenario with all seven connectors of {@code connect-configs/payments} on one stack: a few hundred card
 * issues, detail updates, authorization requests and day closings, then Fraud Detection, Billing, Settlement and
 * Reconciliation hold what the source and the contract say, and no card number or CVV left Customer Accounts.
 */
class PaymentsScenarioIT {

    @Test
    void everyConsumerHoldsWhatTheSourceAndTheContractsSay(@TempDir Path pluginPath) throws Exception {
        try (ScenarioDriver driver = new ScenarioDriver(new PaymentsScenario())) {
            driver.start(pluginPath);

            driver.runCommands(300, 9L);

            driver.assertConsistent();
            driver.auditReplication();
            driver.assertNothingDeadLettered();
        }
    }
}
