package io.domainbridge.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** Copies of the shipping scenario's contracts, edited by a test. */
final class Fixtures {

    static final Path SHIPPING =
            ScenarioFreshnessTest.SCENARIOS.resolve("shipping").resolve(Scenarios.CONTRACTS);
    static final String ODCS = "logistics-packages-to-customer-service.odcs.yaml";
    static final String ASYNCAPI = "logistics.asyncapi.yaml";
    static final String BINDINGS = "connectors.yaml";

    private Fixtures() {}

    /** The shipping contracts in {@code dir}, with one file edited; the source SQL beside them, as in the repo. */
    static Path shipping(Path dir, String file, UnaryOperator<String> edit) {
        try {
            Path contracts = Files.createDirectories(dir.resolve("contracts"));
            Files.createDirectories(dir.resolve("sql"));
            Files.copy(SHIPPING.resolveSibling("sql").resolve("logistics.sql"), dir.resolve("sql/logistics.sql"));
            for (String name : new String[] {ODCS, ASYNCAPI, BINDINGS}) {
                String text = Files.readString(SHIPPING.resolve(name));
                Files.writeString(contracts.resolve(name), name.equals(file) ? edited(text, edit) : text);
            }
            return contracts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String edited(String text, UnaryOperator<String> edit) {
        String out = edit.apply(text);
        if (out.equals(text)) {
            throw new IllegalStateException("The edit changed nothing: the fixture no longer matches the scenario");
        }
        return out;
    }
}
