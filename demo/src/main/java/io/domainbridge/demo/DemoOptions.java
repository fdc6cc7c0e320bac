package io.domainbridge.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The demo's command line. Maven's exec passes it as one space-separated argument, so each argument is split again.
 *
 * <pre>
 * [--scenario shipping|payments|hcm|banking|boundary] [--rate N] [--duration SECONDS] [--redeliver N] [--keep]
 * [--connect-url URL] [--bootstrap-servers HOST:PORT] [--embedded] [--verbose]
 * </pre>
 */
record DemoOptions(
        String scenario,
        int rate,
        int seconds,
        int redeliver,
        boolean keep,
        boolean embedded,
        String connectUrl,
        String bootstrapServers,
        boolean verbose) {

    /** The cluster of scripts/local-cluster.sh. */
    static final String LOCAL_CONNECT_URL = "http://127.0.0.1:18083";

    static final String LOCAL_BOOTSTRAP_SERVERS = "127.0.0.1:19092";

    private static final Set<String> WITH_VALUE =
            Set.of("--scenario", "--rate", "--duration", "--redeliver", "--connect-url", "--bootstrap-servers");
    private static final Set<String> FLAGS = Set.of("--keep", "--embedded", "--verbose");

    static DemoOptions parse(String[] raw) {
        List<String> args = new ArrayList<>();
        for (String arg : raw) {
            args.addAll(Arrays.stream(arg.trim().split("\\s+"))
                    .filter(a -> !a.isEmpty())
                    .toList());
        }
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (WITH_VALUE.contains(arg)) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("Option " + arg + " needs a value");
                }
                i++;
            } else if (!FLAGS.contains(arg)) {
                throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        boolean embedded = args.contains("--embedded");
        if (embedded && (args.contains("--connect-url") || args.contains("--bootstrap-servers"))) {
            throw new IllegalArgumentException("--embedded runs a cluster of its own: drop --connect-url and"
                    + " --bootstrap-servers, or --embedded");
        }
        return new DemoOptions(
                option(args, "--scenario", "shipping"),
                number(args, "--rate", 50, 1),
                number(args, "--duration", 30, 1),
                number(args, "--redeliver", 20, 0),
                args.contains("--keep"),
                embedded,
                option(args, "--connect-url", LOCAL_CONNECT_URL),
                option(args, "--bootstrap-servers", LOCAL_BOOTSTRAP_SERVERS),
                args.contains("--verbose"));
    }

    private static String option(List<String> args, String name, String fallback) {
        int at = args.indexOf(name);
        return at >= 0 ? args.get(at + 1) : fallback;
    }

    private static int number(List<String> args, String name, int fallback, int least) {
        String value = option(args, name, Integer.toString(fallback));
        try {
            int number = Integer.parseInt(value);
            if (number < least) {
                throw new IllegalArgumentException("Option " + name + " takes a number of at least " + least);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Option " + name + " takes a whole number", e);
        }
    }
}
