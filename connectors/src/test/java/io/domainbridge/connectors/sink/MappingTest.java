package io.domainbridge.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class MappingTest {

    private static Map<String, String> upsert() {
        Map<String, String> props = new HashMap<>();
        props.put("mappings.a.event.types", "PackageStatusChanged");
        props.put("mappings.a.table", "deliveries");
        props.put("mappings.a.fields", "aggregateid:package_id, data.status:status");
        props.put("mappings.a.key.columns", "package_id");
        return props;
    }

    @Test
    void aValidUpsertMappingParses() {
        MappingParser parser = new MappingParser(upsert(), List.of("a"));
        assertThat(parser.errors()).isEmpty();
        Mapping mapping = parser.mappings().get(0);
        assertThat(mapping.columns())
                .containsExactly(
                        new Mapping.Column("aggregateid", "package_id"), new Mapping.Column("data.status", "status"));
        assertThat(mapping.deletePolicy()).isEqualTo(DeletePolicy.DELETE);
    }

    @Test
    void eachProblemIsReportedOnItsKey() {
        Map<String, String> props = upsert();
        props.remove("mappings.a.table");
        props.put("mappings.a.delete.policy", "purge");
        props.put("mappings.b.table", "x");
        props.put("mappings.a.colour", "red");
        props.put("mappings.a.fields", "aggregateid:package_id, status:status");
        Map<String, String> errors = new MappingParser(props, List.of("a")).errors();
        assertThat(errors)
                .containsKeys(
                        "mappings.a.table",
                        "mappings.a.delete.policy",
                        "mappings.b.table",
                        "mappings.a.colour",
                        "mappings.a.fields");
        assertThat(errors.get("mappings.b.table")).contains("Unknown mapping alias 'b'");
        assertThat(errors.get("mappings.a.fields")).contains("'status' names no envelope attribute");
    }

    @Test
    void statementParametersMustNameEnvelopeAttributesOrDataPaths() {
        Map<String, String> props = new HashMap<>();
        props.put("mappings.s.event.types", "X");
        props.put("mappings.s.action", "statement");
        props.put("mappings.s.statement", "UPDATE t SET a = :data.a WHERE id = :aggregate_id");
        assertThat(new MappingParser(props, List.of("s")).errors())
                .containsEntry(
                        "mappings.s.statement",
                        "Parameter ':aggregate_id' names no envelope attribute and no data.* path");
        props.remove("mappings.s.statement");
        assertThat(new MappingParser(props, List.of("s")).errors()).containsKey("mappings.s.statement");
    }

    @Test
    void zeroRowsBehaviorIsParsedForStatementsAndRejectedElsewhere() {
        Map<String, String> props = new HashMap<>();
        props.put("mappings.s.event.types", "X");
        props.put("mappings.s.action", "statement");
        props.put("mappings.s.statement", "UPDATE t SET a = :data.a WHERE id = :aggregateid");
        assertThat(new MappingParser(props, List.of("s")).mappings().get(0).zeroRows())
                .isEqualTo(ZeroRowsBehavior.IGNORE);
        props.put("mappings.s.zero.rows.behavior", "dead-letter");
        assertThat(new MappingParser(props, List.of("s")).mappings().get(0).zeroRows())
                .isEqualTo(ZeroRowsBehavior.DEAD_LETTER);
        props.put("mappings.s.zero.rows.behavior", "retry");
        assertThat(new MappingParser(props, List.of("s")).errors())
                .containsEntry("mappings.s.zero.rows.behavior", "expected ignore, dead-letter or fail");
        Map<String, String> upsert = upsert();
        upsert.put("mappings.a.zero.rows.behavior", "fail");
        assertThat(new MappingParser(upsert, List.of("a")).errors().get("mappings.a.zero.rows.behavior"))
                .startsWith("Only statement mappings");
    }

    @Test
    void softDeleteNeedsAFlagColumnAndTheVersionColumnMustBeMapped() {
        Map<String, String> props = upsert();
        props.put("mappings.a.delete.policy", "soft-delete");
        props.put("mappings.a.version.column", "row_version");
        assertThat(new MappingParser(props, List.of("a")).errors())
                .containsKeys("mappings.a.soft.delete.column", "mappings.a.delete.policy", "mappings.a.version.column");
        Map<String, String> none = new HashMap<>();
        none.put("mappings.n.table", "t");
        assertThat(new MappingParser(none, List.of("n")).errors())
                .containsKeys("mappings.n.event.types", "mappings.n.topics", "mappings.n.source.tables");
    }

    @Test
    void mappingsSelectByEventTypeTopicOrSourceTable() {
        Map<String, String> props = upsert();
        props.put("mappings.r.source.tables", "customers");
        props.put("mappings.r.table", "customer");
        props.put("mappings.r.fields", "id");
        props.put("mappings.r.key.columns", "id");
        List<Mapping> mappings = new MappingParser(props, List.of("a", "r")).mappings();
        Schema row = SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA).build();
        Schema flat = SchemaBuilder.struct()
                .field("id", Schema.INT64_SCHEMA)
                .field("__table", Schema.STRING_SCHEMA)
                .field("__deleted", Schema.STRING_SCHEMA)
                .build();
        SinkRecord deleted = new SinkRecord(
                "t",
                0,
                null,
                null,
                flat,
                new Struct(flat).put("id", 4L).put("__table", "customers").put("__deleted", "true"),
                9);
        IncomingRecord incoming = IncomingRecord.of(deleted);
        assertThat(incoming.kind()).isEqualTo(IncomingRecord.Kind.DELETE);
        assertThat(incoming.eventId()).isEqualTo("t-0-9");
        assertThat(mappings.get(0).selects(incoming)).isFalse();
        assertThat(mappings.get(1).selects(incoming)).isTrue();
        SinkRecord plain = new SinkRecord("t", 0, null, null, row, new Struct(row).put("id", 1L), 1);
        assertThat(mappings.get(1).selects(IncomingRecord.of(plain))).isFalse();
    }
}
