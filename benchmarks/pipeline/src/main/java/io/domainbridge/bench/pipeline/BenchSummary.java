package io.domainbridge.bench.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Key figures for the one-page report of {@code benchmarks/run.sh}: each benchmark adds its headline ratios as rows of
 * the tab-separated file named by the environment variable {@value #VARIABLE}; nothing happens when it is unset.
 * The columns are those of {@code benchmarks/scripts/summary.py}.
 */
final class BenchSummary {

    static final String VARIABLE = "BENCH_SUMMARY";

    private BenchSummary() {}

    /** One key figure: ours, the baseline measured in the same run, their ratio, and the target if there is one. */
    record Row(String area, String figure, String value, String baseline, String ratio, String target, String met) {}

    static void add(Row row, Path report) {
        String file = System.getenv(VARIABLE);
        if (file == null || file.isBlank()) {
            return;
        }
        String line = Stream.of(
                        row.area(),
                        row.figure(),
                        row.value(),
                        row.baseline(),
                        row.ratio(),
                        row.target(),
                        row.met(),
                        report.getFileName().toString())
                .map(field -> field == null ? "" : field.replaceAll("[\t\n]", " "))
                .collect(Collectors.joining("\t", "", "\n"));
        try {
            Files.writeString(
                    Path.of(file), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot add to the benchmark summary " + file, e);
        }
    }
}
