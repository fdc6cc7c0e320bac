package io.domainbridge.bench;

import io.debezium.transforms.ExtractNewRecordState;
import io.domainbridge.transforms.DomainBoundary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.ReplaceField;
import org.apache.kafka.connect.transforms.Transformation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Time per record of {@link DomainBoundary} against what it replaces: Kafka's {@code ReplaceField} on flat rows, and
 * Debezium's {@code ExtractNewRecordState} followed by {@code ReplaceField} on change events. Every transform keeps
 * the same 10 of 20 columns and sees the same records, taken in turn from a pool built before measuring.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class DomainBoundaryBenchmark {

    /** A power of two, so the next index is a mask away. */
    private static final int POOL_SIZE = 1024;

    private static final long SEED = 20261127L;
    private static final String PSEUDONYMIZE_KEY = "bench-only-hmac-key-0123456789abcdef";

    private final SourceRecord[] flatRows = new SourceRecord[POOL_SIZE];
    private final SourceRecord[] updateEvents = new SourceRecord[POOL_SIZE];
    private int next;

    private Transformation<SourceRecord> flatBoundary;
    private Transformation<SourceRecord> flatReplaceField;
    private Transformation<SourceRecord> envelopeBoundary;
    private Transformation<SourceRecord> treatingBoundary;
    private Transformation<SourceRecord> unwrap;
    private Transformation<SourceRecord> unwrappedReplaceField;
    private EnvelopeStructFloor structFloor;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(SEED);
        for (int i = 0; i < POOL_SIZE; i++) {
            flatRows[i] = PackagesTable.flatRecord(i + 1, random);
            updateEvents[i] = PackagesTable.updateEvent(i + 1, random);
        }
        flatBoundary = configured(new DomainBoundary.Value<>(), boundaryConfig(false));
        envelopeBoundary = configured(new DomainBoundary.Value<>(), boundaryConfig(false));
        treatingBoundary = configured(new DomainBoundary.Value<>(), boundaryConfig(true));
        flatReplaceField = configured(new ReplaceField.Value<>(), replaceFieldConfig());
        unwrappedReplaceField = configured(new ReplaceField.Value<>(), replaceFieldConfig());
        unwrap = configured(new ExtractNewRecordState<>(), Map.of());
        structFloor = new EnvelopeStructFloor(PackagesTable.ENVELOPE_SCHEMA, PackagesTable.KEPT_COLUMNS);
        SameOutput.checkFlat(flatRows[0], flatBoundary, flatReplaceField);
        SameOutput.checkEnvelopes(updateEvents[0], envelopeBoundary, treatingBoundary, unwrap, unwrappedReplaceField);
        SameOutput.checkFloor(updateEvents[0], envelopeBoundary, structFloor);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        List.of(flatBoundary, flatReplaceField, envelopeBoundary, treatingBoundary, unwrap, unwrappedReplaceField)
                .forEach(Transformation::close);
    }

    @Benchmark
    public void flatDomainBoundary(Blackhole blackhole) {
        blackhole.consume(flatBoundary.apply(flatRows[nextIndex()]));
    }

    @Benchmark
    public void flatReplaceField(Blackhole blackhole) {
        blackhole.consume(flatReplaceField.apply(flatRows[nextIndex()]));
    }

    @Benchmark
    public void envelopeDomainBoundary(Blackhole blackhole) {
        blackhole.consume(envelopeBoundary.apply(updateEvents[nextIndex()]));
    }

    @Benchmark
    public void envelopeExtractNewRecordStateReplaceField(Blackhole blackhole) {
        blackhole.consume(unwrappedReplaceField.apply(unwrap.apply(updateEvents[nextIndex()])));
    }

    @Benchmark
    public void envelopeDomainBoundaryMaskPseudonymize(Blackhole blackhole) {
        blackhole.consume(treatingBoundary.apply(updateEvents[nextIndex()]));
    }

    /** Not a contender: the Struct work alone that any transform emitting the filtered envelope has to do. */
    @Benchmark
    public void envelopeStructFloor(Blackhole blackhole) {
        blackhole.consume(structFloor.apply(updateEvents[nextIndex()]));
    }

    private int nextIndex() {
        int index = next;
        next = (index + 1) & (POOL_SIZE - 1);
        return index;
    }

    private static Transformation<SourceRecord> configured(
            Transformation<SourceRecord> transformation, Map<String, ?> config) {
        transformation.configure(config);
        return transformation;
    }

    /** The 10 kept columns; with {@code treat}, one of them masked and one pseudonymized instead of kept as is. */
    private static Map<String, String> boundaryConfig(boolean treat) {
        Map<String, String> config = new HashMap<>();
        config.put("contract.id", "packages-for-billing");
        config.put("contract.version", "1.0.0");
        List<String> kept = PackagesTable.KEPT_COLUMNS;
        if (treat) {
            kept = kept.stream()
                    .filter(column -> !column.equals(PackagesTable.MASKED_COLUMN))
                    .filter(column -> !column.equals(PackagesTable.PSEUDONYMIZED_COLUMN))
                    .toList();
            config.put("mask.columns", PackagesTable.TABLE + "." + PackagesTable.MASKED_COLUMN);
            config.put("pseudonymize.columns", PackagesTable.TABLE + "." + PackagesTable.PSEUDONYMIZED_COLUMN);
            config.put("pseudonymize.key.secret", PSEUDONYMIZE_KEY);
            config.put("pseudonymize.key.id", "bench-2026-11");
        }
        config.put(
                "columns", kept.stream().map(c -> PackagesTable.TABLE + "." + c).collect(Collectors.joining(",")));
        return config;
    }

    private static Map<String, String> replaceFieldConfig() {
        return Map.of("include", String.join(",", PackagesTable.KEPT_COLUMNS));
    }
}
