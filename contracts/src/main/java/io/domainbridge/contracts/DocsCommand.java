package io.domainbridge.contracts;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;

/** {@code docs FILES… --out DIR [--readme README.md]}: the contract tables and a page per producing domain. */
final class DocsCommand {

    private final PrintStream out;
    private final PrintStream err;

    DocsCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(ContractsCli.Arguments a) throws IOException {
        ContractSet set = new ContractsCli(out, err).checked(a.files());
        if (set == null) {
            return ContractsCli.INVALID;
        }
        Path dir = Path.of(a.option("--out"));
        Files.createDirectories(dir);
        ContractDocs docs = new ContractDocs(set);
        Files.writeString(dir.resolve("contract-tables.md"), docs.tables());
        TreeSet<String> domains = new TreeSet<>();
        set.dataContracts().forEach(c -> domains.add(c.domain()));
        set.eventContracts().forEach(e -> domains.add(e.domain()));
        for (String domain : domains) {
            Files.writeString(dir.resolve(domain + ".md"), docs.domainPage(domain));
        }
        out.println("wrote " + dir.resolve("contract-tables.md") + " and " + domains.size() + " domain pages");
        if (a.option("--readme") != null) {
            Path readme = Path.of(a.option("--readme"));
            Files.writeString(readme, ContractDocs.updateReadme(Files.readString(readme), set));
            out.println("updated " + readme);
        }
        return ContractsCli.OK;
    }
}
