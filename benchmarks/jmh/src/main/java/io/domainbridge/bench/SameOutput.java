package io.domainbridge.bench;

import java.util.Objects;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Checks, before anything is measured, that the transforms compared do the same work: the same 10 columns with the
 * same values come out of each, so no contender wins by doing less.
 */
final class SameOutput {

    private static final int KEPT = PackagesTable.KEPT_COLUMNS.size();

    private SameOutput() {}

    static void checkFlat(
            SourceRecord flatRow, Transformation<SourceRecord> boundary, Transformation<SourceRecord> replaceField) {
        Struct expected = (Struct) replaceField.apply(flatRow).value();
        requireSameRow("flat row", (Struct) boundary.apply(flatRow).value(), expected);
    }

    static void checkEnvelopes(
            SourceRecord event,
            Transformation<SourceRecord> boundary,
            Transformation<SourceRecord> treatingBoundary,
            Transformation<SourceRecord> unwrap,
            Transformation<SourceRecord> replaceField) {
        Struct expected = (Struct) replaceField.apply(unwrap.apply(event)).value();
        Struct envelope = (Struct) boundary.apply(event).value();
        requireSameRow("after", envelope.getStruct("after"), expected);
        require(envelope.getStruct("before").schema().fields().size() == KEPT, "before keeps " + KEPT + " columns");
        require(envelope.get("source") == ((Struct) event.value()).get("source"), "source passes unchanged");

        Struct treated = ((Struct) treatingBoundary.apply(event).value()).getStruct("after");
        Object pseudonym = treated.get(PackagesTable.PSEUDONYMIZED_COLUMN);
        require(pseudonym instanceof String text && text.matches("[0-9a-f]{64}"), "pseudonym is an HMAC in hex");
        require(treated.get(PackagesTable.MASKED_COLUMN) == null, "masked optional column is null");
        require(treated.schema().fields().size() == KEPT, "treated row keeps " + KEPT + " columns");
    }

    static void checkFloor(SourceRecord event, Transformation<SourceRecord> boundary, EnvelopeStructFloor floor) {
        Struct expected = (Struct) boundary.apply(event).value();
        Struct actual = (Struct) floor.apply(event).value();
        require(actual.equals(expected), "the struct floor emits the envelope DomainBoundary emits");
    }

    private static void requireSameRow(String what, Struct actual, Struct expected) {
        require(expected.schema().fields().size() == KEPT, "the reference keeps " + KEPT + " columns");
        require(
                actual.schema().fields().equals(expected.schema().fields()),
                what + ": same columns, order and types as the reference");
        for (Field field : expected.schema().fields()) {
            require(
                    Objects.deepEquals(actual.get(field.name()), expected.get(field.name())),
                    what + ": same value in column " + field.name());
        }
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("Benchmark precondition failed: " + what);
        }
    }
}
