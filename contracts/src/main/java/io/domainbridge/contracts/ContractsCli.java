package io.domainbridge.contracts;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code contracts check|compile|diff|docs|submit|regenerate}: the command line of the contracts tool. Exit codes:
 * 0 success, 1 contract errors, 2 usage, 3 widening without a version bump, 4 breaking without a version bump.
 */
public final class ContractsCli {

    static final int OK = 0;
    static final int INVALID = 1;
    static final int USAGE = 2;
    static final String USAGE_TEXT = String.join(
            "\n",
            "usage: contracts check FILES...",
            "       contracts compile FILES... --out DIR",
            "       contracts diff [--json] OLD NEW",
            "       contracts docs FILES... --out DIR [--readme README.md]",
            "       contracts submit --connect-url URL FILES...",
            "       contracts regenerate SCENARIOS_DIR");

    private final PrintStream out;
    private final PrintStream err;

    ContractsCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new ContractsCli(System.out, System.err).run(args));
    }

    int run(String... args) {
        if (args.length == 0) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        Arguments a = Arguments.parse(List.of(args).subList(1, args.length));
        try {
            return switch (args[0]) {
                case "check" -> check(a.files());
                case "compile" -> a.option("--out") == null ? usage() : compile(a.files(), Path.of(a.option("--out")));
                case "diff" -> a.files().size() != 2 ? usage() : new DiffCommand(out).run(a.files(), a.flag("--json"));
                case "docs" -> a.option("--out") == null ? usage() : new DocsCommand(out, err).run(a);
                case "submit" -> a.option("--connect-url") == null ? usage() : new SubmitCommand(out, err).run(a);
                case "regenerate" -> a.files().size() != 1
                        ? usage()
                        : regenerate(a.files().get(0));
                default -> usage();
            };
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return INVALID;
        }
    }

    private int usage() {
        err.println(USAGE_TEXT);
        return USAGE;
    }

    /** Loads and checks the files; prints every problem and returns null when there is one. */
    ContractSet checked(List<Path> files) {
        ContractSet set = ContractSet.load(files);
        set.problems().errors().forEach(e -> err.println("error: " + e));
        return set.problems().isEmpty() ? set : null;
    }

    private int check(List<Path> files) {
        ContractSet set = checked(files);
        if (set == null) {
            return INVALID;
        }
        out.println("ok: " + set.dataContracts().size() + " data contracts, "
                + set.eventContracts().size() + " AsyncAPI documents, "
                + set.bindings().size() + " bindings files");
        return OK;
    }

    private int compile(List<Path> files, Path dir) throws IOException {
        ContractSet set = checked(files);
        if (set == null) {
            return INVALID;
        }
        Files.createDirectories(dir);
        for (CompiledConnector c : new ConnectorCompiler(set).compile()) {
            Files.writeString(dir.resolve(c.name() + ".json"), c.json());
            out.println("wrote " + dir.resolve(c.name() + ".json"));
        }
        return OK;
    }

    /** Compiles and documents every scenario with a {@code contracts/} folder, in place. */
    private int regenerate(Path scenarios) throws IOException {
        int status = OK;
        for (Path scenario : Scenarios.list(scenarios)) {
            List<Path> contracts = List.of(scenario.resolve(Scenarios.CONTRACTS));
            status = Math.max(status, compile(contracts, scenario));
            if (status == OK) {
                ContractSet set = ContractSet.load(contracts);
                Path readme = scenario.resolve("README.md");
                Files.writeString(readme, ContractDocs.updateReadme(Files.readString(readme), set));
                out.println("updated " + readme);
            }
        }
        return status;
    }

    /** Positional files and {@code --name value} options. */
    record Arguments(List<Path> files, List<String> options) {

        static Arguments parse(List<String> args) {
            List<Path> files = new ArrayList<>();
            List<String> options = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.equals("--json")) {
                    options.add(a);
                } else if (a.startsWith("--") && i + 1 < args.size()) {
                    options.add(a);
                    options.add(args.get(++i));
                } else {
                    files.add(Path.of(a));
                }
            }
            return new Arguments(List.copyOf(files), List.copyOf(options));
        }

        String option(String name) {
            int i = options.indexOf(name);
            return i < 0 || i + 1 >= options.size() ? null : options.get(i + 1);
        }

        boolean flag(String name) {
            return options.contains(name);
        }
    }
}
