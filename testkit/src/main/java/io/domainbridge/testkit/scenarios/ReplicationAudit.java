package io.domainbridge.testkit.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.domainbridge.testkit.boundary.PublishedRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a DomainBoundary source published, checked against its contract: no field outside the contract in any key,
 * {@code before} or {@code after}; no column the contract withholds named anywhere in the record; none of the
 * source's confidential values in clear text; the contract id on every record.
 */
public final class ReplicationAudit {

    private ReplicationAudit() {}

    /** Audits the records of one contract table and returns how many there were. */
    public static int audit(
            BoundaryContract contract,
            String table,
            Set<String> withheldColumns,
            List<String> confidentialValues,
            Iterable<ConsumerRecord<byte[], byte[]>> records) {
        Set<String> allowed = contract.valueFields().get(table);
        ClearTextSearch confidential = new ClearTextSearch(confidentialValues);
        List<PublishedRecord> published = StreamSupport.stream(records.spliterator(), false)
                .map(PublishedRecord::of)
                .toList();
        for (PublishedRecord record : published) {
            assertThat(record.headers()).containsEntry("domainbridge.contract.id", contract.contractId());
            assertThat(fieldNames(record.keyPayload())).isSubsetOf(contract.keyFields());
            if (!record.isTombstone()) {
                assertThat(fieldNames(record.row("before")))
                        .as("before of %s", table)
                        .isSubsetOf(allowed);
                assertThat(fieldNames(record.row("after")))
                        .as("after of %s", table)
                        .isSubsetOf(allowed);
            }
            for (String column : withheldColumns) {
                assertThat(record.text()).as("withheld column named").doesNotContain("\"" + column + "\"");
            }
            assertThat(confidential.foundIn(record.text()))
                    .as("confidential values in clear text")
                    .isEmpty();
        }
        return published.size();
    }

    /**
     * The schema names of the row fields the records carry: with Debezium's default time.precision.mode and
     * decimal.handling.mode a date is an {@code io.debezium.time.Date}, a timestamptz an {@code
     * io.debezium.time.ZonedTimestamp} and an unconstrained numeric an {@code io.debezium.data.VariableScaleDecimal}.
     */
    public static Set<String> rowSchemaNames(Iterable<ConsumerRecord<byte[], byte[]>> records) {
        Set<String> names = new TreeSet<>();
        for (var record : records) {
            JsonNode value = PublishedRecord.of(record).value();
            if (value == null) {
                continue;
            }
            for (JsonNode envelopeField : value.path("schema").path("fields")) {
                if ("after".equals(envelopeField.path("field").asText())) {
                    envelopeField.path("fields").forEach(field -> {
                        if (field.hasNonNull("name")) {
                            names.add(field.path("name").asText());
                        }
                    });
                }
            }
        }
        return names;
    }

    private static List<String> fieldNames(JsonNode row) {
        List<String> names = new ArrayList<>();
        if (row != null) {
            row.properties().forEach(property -> names.add(property.getKey()));
        }
        return names;
    }
}
