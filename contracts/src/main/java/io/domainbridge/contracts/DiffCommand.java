package io.domainbridge.contracts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code diff OLD NEW}: each change, classified; gated changes without a version change fail with 3 or 4. */
final class DiffCommand {

    static final int WIDENING_UNVERSIONED = 3;
    static final int BREAKING_UNVERSIONED = 4;

    private final PrintStream out;

    DiffCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<Path> files, boolean json) throws IOException {
        ContractSet before = ContractSet.load(List.of(files.get(0)));
        ContractSet after = ContractSet.load(List.of(files.get(1)));
        if (!before.problems().isEmpty() || !after.problems().isEmpty()) {
            before.problems().errors().forEach(e -> out.println("error: " + e));
            after.problems().errors().forEach(e -> out.println("error: " + e));
            return ContractsCli.INVALID;
        }
        ContractDiff diff = new ContractDiff().compare(before, after);
        int status = status(diff);
        out.print(json ? json(diff, status) : text(diff));
        return status;
    }

    static int status(ContractDiff diff) {
        boolean breaking = diff.changes().stream()
                .anyMatch(
                        c -> c.kind() == Change.Kind.BREAKING && diff.unbumped().contains(c.contract()));
        if (breaking) {
            return BREAKING_UNVERSIONED;
        }
        return diff.unbumped().isEmpty() ? ContractsCli.OK : WIDENING_UNVERSIONED;
    }

    static String text(ContractDiff diff) {
        StringBuilder s = new StringBuilder();
        for (Change c : diff.changes()) {
            s.append(String.format(
                    Locale.ROOT, "%-18s %s %s: %s%n", label(c.kind()), c.contract(), c.path(), c.description()));
        }
        for (String contract : diff.unbumped()) {
            s.append("FAIL ").append(contract).append(": widening or breaking changes need a new version\n");
        }
        if (diff.changes().isEmpty()) {
            s.append("no changes\n");
        }
        return s.toString();
    }

    private static String json(ContractDiff diff, int status) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ArrayNode changes = root.putArray("changes");
        for (Change c : diff.changes()) {
            changes.addObject()
                    .put("kind", label(c.kind()).toLowerCase(Locale.ROOT))
                    .put("contract", c.contract())
                    .put("path", c.path())
                    .put("description", c.description());
        }
        diff.unbumped().forEach(root.putArray("unversioned")::add);
        root.put("exitCode", status);
        return mapper.writeValueAsString(root) + "\n";
    }

    static String label(Change.Kind kind) {
        return kind.name().replace('_', '-');
    }
}
