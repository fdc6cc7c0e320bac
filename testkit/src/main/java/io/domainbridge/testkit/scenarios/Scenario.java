package io.domainbridge.testkit.scenarios;

import java.util.List;
import java.util.Random;

/**
 * One scenario of {@code connect-configs/<name>/}: its domains (one database each, made from {@code sql/<domain>.sql}),
 * its connectors (the JSON files, sources first), the commands its source domain runs, and what every consumer must
 * hold afterwards, stated as queries on the consumer and on the source.
 */
public interface Scenario {

    /** The folder under {@code connect-configs/}. */
    public String name();

    /** The domain whose commands the driver runs; the first of {@link #domains()}. */
    default String sourceDomain() {
        return domains().get(0);
    }

    /** Every domain of the scenario, source first; each has {@code sql/<domain>.sql}. */
    public List<String> domains();

    /** Connector JSON file names without {@code .json}, in the order they are started. */
    public List<String> connectors();

    /** The outbox table of the source domain, as {@code schema.table}. */
    public String outboxTable();

    /** The next command: one transaction in the source domain, a state change and its outbox rows. */
    public Command command(int index, Random random);

    /**
     * What the consumers must hold once every command has been applied. Source queries may use pgcrypto's
     * {@code hmac} with the given pseudonymization key to state what a pseudonymized column must hold.
     */
    public List<ConsistencyCheck> checks(String pseudonymizeKey);

    /**
     * A query on the source returning every value the contracts do not share in clear text (masked, pseudonymized
     * and withheld columns); none of them may appear in a replicated record.
     */
    public String confidentialValuesQuery();
}
