package io.domainbridge.transforms.boundary;

import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/** The columns of one table that the contract lets leave the domain, and how. */
public final class TableContract {

    private final String name;
    private final Map<String, ColumnRule> columns;
    private final boolean pseudonymizes;
    private final Pseudonymizer pseudonymizer;
    private final PlanCache plans = new PlanCache();

    TableContract(String name, Map<String, ColumnRule> columns, Pseudonymizer pseudonymizer) {
        this.name = name;
        this.columns = Map.copyOf(columns);
        this.pseudonymizes = columns.values().stream().anyMatch(rule -> rule.treatment() == Treatment.PSEUDONYMIZE);
        this.pseudonymizer = pseudonymizer;
    }

    /** {@code schema.table}. */
    public String name() {
        return name;
    }

    /** The rule for a source column, or null when the column must not leave the domain. */
    public ColumnRule rule(String column) {
        return columns.get(column);
    }

    public boolean pseudonymizes() {
        return pseudonymizes;
    }

    /** Filters a row or a Debezium change event of this table. */
    public Struct filter(Struct input) {
        return plan(input.schema()).apply(input);
    }

    /** The schema {@link #filter} gives for structs of the given schema. */
    public Schema outputSchema(Schema input) {
        return plan(input).outputSchema();
    }

    /** Filters a schemaless row or change event of this table. */
    public Map<String, Object> filter(Map<?, ?> input) {
        return MapFilter.filter(input, this, pseudonymizer);
    }

    void clearCache() {
        plans.clear();
    }

    private StructPlan plan(Schema schema) {
        return plans.get(schema, this::buildPlan);
    }

    private StructPlan buildPlan(Schema schema) {
        return SchemaStructure.isEnvelope(schema)
                ? EnvelopePlan.build(schema, this, pseudonymizer)
                : RowPlan.build(schema, this, pseudonymizer);
    }
}
