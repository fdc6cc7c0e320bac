package io.domainbridge.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractDiffTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int diff(String file, UnaryOperator<String> edit, String... flags) {
        Path before = Fixtures.shipping(dir.resolve("old"), Fixtures.BINDINGS, t -> t + "\n");
        Path after = Fixtures.shipping(dir.resolve("new"), file, edit);
        String[] args = new String[flags.length + 3];
        args[0] = "diff";
        System.arraycopy(flags, 0, args, 1, flags.length);
        args[flags.length + 1] = before.toString();
        args[flags.length + 2] = after.toString();
        return new ContractsCli(new PrintStream(out), new PrintStream(new ByteArrayOutputStream())).run(args);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static UnaryOperator<String> shareRecipientName() {
        return t -> t.replaceFirst("(name: recipient_name[\\s\\S]*?treatment:) mask", "$1 share");
    }

    @Test
    void aMaskedColumnBecomingSharedIsWideningAndFailsWithoutAVersionBump() {
        assertThat(diff(Fixtures.ODCS, shareRecipientName())).isEqualTo(DiffCommand.WIDENING_UNVERSIONED);
        assertThat(output())
                .contains("WIDENING")
                .contains("shipping.packages.recipient_name: masked -> shared")
                .contains("FAIL logistics-packages-to-customer-service");
    }

    @Test
    void theSameWideningPassesWithAVersionBump() {
        UnaryOperator<String> bumped = t -> shareRecipientName().apply(t).replace("version: \"1\"", "version: \"2\"");
        assertThat(diff(Fixtures.ODCS, bumped)).isEqualTo(ContractsCli.OK);
        assertThat(output()).contains("WIDENING").doesNotContain("FAIL");
    }

    @Test
    void aNarrowingChangePassesWithoutAVersionBump() {
        UnaryOperator<String> narrow =
                t -> t.replaceFirst("(name: delivered_on[\\s\\S]*?treatment:) pseudonymize", "$1 withhold");
        assertThat(diff(Fixtures.ODCS, narrow)).isEqualTo(ContractsCli.OK);
        assertThat(output())
                .contains("NARROWING")
                .contains("shipping.packages.delivered_on: pseudonymized -> withheld");
    }

    @Test
    void anOptionalFieldAddedIsPayloadCompatible() {
        UnaryOperator<String> add = t -> t.replaceFirst(
                "(name: PackageRegistered[\\s\\S]*?properties:\\n)", "$1          note:\n            type: string\n");
        assertThat(diff(Fixtures.ASYNCAPI, add)).isEqualTo(ContractsCli.OK);
        assertThat(output()).contains("PAYLOAD-COMPATIBLE").contains("PackageRegistered@1.data.note");
    }

    @Test
    void aRetypedFieldIsBreakingAndFailsWithItsOwnCode() {
        UnaryOperator<String> retype =
                t -> t.replaceFirst("(weightGrams:\\n\\s+type: integer\\n\\s+format:) int32", "$1 int64");
        assertThat(diff(Fixtures.ASYNCAPI, retype, "--json")).isEqualTo(DiffCommand.BREAKING_UNVERSIONED);
        assertThat(output())
                .contains("\"kind\" : \"breaking\"")
                .contains("int32 -> int64")
                .contains("\"exitCode\" : 4");
    }
}
