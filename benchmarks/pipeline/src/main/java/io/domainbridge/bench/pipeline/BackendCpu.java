package io.domainbridge.bench.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a PostgreSQL backend process has used, from {@code /proc/<pid>/stat} (user plus system time), so the
 * server is measured from the outside, without extensions. The server must run on this host.
 */
final class BackendCpu {

    /** Clock ticks per second of {@code /proc} times; 100 on Linux unless the kernel was built otherwise. */
    private static final long TICKS_PER_SECOND = Long.getLong("bench.clock.ticks", 100);

    private BackendCpu() {}

    /** The process's CPU time so far in milliseconds, or -1 when it has ended or cannot be read. */
    static long millis(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // the command name may contain spaces and parentheses: the fields start after its last ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1000 / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
