package io.domainbridge.bench.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Where a benchmark ran: the commit, the JVM, the machine's processors and its load average. */
final class Provenance {

    private Provenance() {}

    /** One Markdown line per fact, with the load averages taken before and after the measurements. */
    static String markdown(String loadBefore, String loadAfter) {
        return "- Commit: `" + commit() + "`\n"
                + "- JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version") + "\n"
                + "- Machine: " + cores() + " CPUs (" + cpuModel()
                + "), shared with other builds; load average before/after: " + loadBefore + " / " + loadAfter + "\n";
    }

    /** The same facts for a report's JSON: date, commit, processors and their model, load averages. */
    static Map<String, Object> json(String loadBefore, String loadAfter) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", LocalDate.now().toString());
        json.put("commit", commit());
        json.put("cpus", cores());
        json.put("cpuModel", cpuModel());
        json.put("loadBefore", loadBefore);
        json.put("loadAfter", loadAfter);
        return json;
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The 1, 5 and 15 minute load averages. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().replaceAll("^(\\S+ \\S+ \\S+).*", "$1");
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown model");
        } catch (IOException e) {
            return "unknown model";
        }
    }

    /** The short commit id, marked when the work tree differs from it outside {@code benchmarks/results}. */
    static String commit() {
        String commit = git("rev-parse", "--short", "HEAD");
        String changes = git("status", "--porcelain", "--", ".", ":!benchmarks/results");
        return changes.isEmpty() ? commit : commit + " (with uncommitted changes)";
    }

    private static String git(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes()).trim();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 ? output : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
