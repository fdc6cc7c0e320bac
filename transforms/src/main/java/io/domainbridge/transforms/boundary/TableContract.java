package io.domainbridge.transforms.boundary;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/** The columns of one table that the contract lets leave the domain, and how. */
public final class TableContract {

    private final String name;
    private final Map<String, ColumnRule> columns;
    private final boolean pseudonymizes;
    private final Set<String> outputNames;
    private final Pseudonymizer pseudonymizer;
    private final PlanCache<StructPlan> plans = new PlanCache<>();
    private final PlanCache<KeyHeaderPlan> keyHeaderPlans = new PlanCache<>();
    private final PlanCache<List<String>> unidentifyingKeyColumns = new PlanCache<>();

    TableContract(String name, Map<String, ColumnRule> columns, Pseudonymizer pseudonymizer) {
        this.name = name;
        this.columns = Map.copyOf(columns);
        this.pseudonymizes = columns.values().stream().anyMatch(rule -> rule.treatment() == Treatment.PSEUDONYMIZE);
        this.outputNames = columns.values().stream().map(ColumnRule::outputName).collect(Collectors.toSet());
        this.pseudonymizer = pseudonymizer;
    }

    /** {@code schema.table}. */
    public String name() {
        return name;
    }

    /** How many shared columns get a treatment. */
    public long columnCount(Treatment treatment) {
        return columns.values().stream()
                .filter(rule -> rule.treatment() == treatment)
                .count();
    }

    /** The columns and their treatments by count, names only, for the start-up log. */
    public String summary() {
        return name + " (" + columns.size() + " shared: " + columnCount(Treatment.KEEP) + " as they are, "
                + columnCount(Treatment.MASK) + " masked, " + columnCount(Treatment.PSEUDONYMIZE) + " pseudonymized)";
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

    /**
     * Filters a primary key carried in a header ({@code __debezium.oldkey}, {@code __debezium.newkey}) as the record
     * key is filtered, marked for the contract so that filtering it again passes it unchanged; null when the header
     * must not leave.
     */
    public Struct filterKeyHeader(Struct key, String contractId) {
        return keyHeaderPlans
                .get(key.schema(), schema -> KeyHeaderPlan.build(schema, this, pseudonymizer, contractId))
                .apply(key);
    }

    /**
     * The columns of a key schema that do not identify the row once out: withheld ones, and masked ones, whose
     * values all collapse to one. Pseudonymized columns still identify it.
     */
    public List<String> unidentifyingKeyColumns(Schema keySchema) {
        return unidentifyingKeyColumns.get(
                keySchema,
                schema ->
                        unidentifying(schema.fields().stream().map(Field::name).toList()));
    }

    /** {@link #unidentifyingKeyColumns(Schema)} for a schemaless key. */
    public List<String> unidentifyingKeyColumns(Map<?, ?> key) {
        return unidentifying(key.keySet().stream().map(String::valueOf).toList());
    }

    boolean isOutputColumn(String name) {
        return outputNames.contains(name);
    }

    void clearCache() {
        plans.clear();
        keyHeaderPlans.clear();
        unidentifyingKeyColumns.clear();
    }

    private List<String> unidentifying(List<String> columns) {
        return columns.stream()
                .filter(column -> rule(column) == null || rule(column).treatment() == Treatment.MASK)
                .toList();
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
