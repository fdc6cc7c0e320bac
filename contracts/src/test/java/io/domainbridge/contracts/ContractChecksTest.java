package io.domainbridge.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractChecksTest {

    @TempDir
    Path dir;

    private List<ContractError> errors(Path contracts) {
        return ContractSet.load(List.of(contracts)).problems().errors();
    }

    @Test
    void theShippingContractsPass() {
        assertThat(errors(Fixtures.shipping(dir, Fixtures.BINDINGS, t -> t + "\n")))
                .isEmpty();
    }

    @Test
    void aColumnMissingFromTheSourceSqlIsNamedWithItsPath() {
        Path c = Fixtures.shipping(dir, Fixtures.ODCS, t -> t.replace("name: customs_notes", "name: customs_note"));
        assertThat(errors(c)).singleElement().satisfies(e -> {
            assertThat(e.file()).endsWith(Fixtures.ODCS);
            assertThat(e.path()).matches("/schema/0/properties/\\d+/name");
            assertThat(e.reason()).contains("no such column").contains("shipping.packages");
        });
    }

    @Test
    void aColumnListedTwiceIsAnOverlap() {
        Path c = Fixtures.shipping(dir, Fixtures.ODCS, t -> t.replace("name: customs_notes", "name: internal_cost"));
        assertThat(errors(c))
                .extracting(ContractError::reason)
                .anyMatch(r -> r.contains("treatments must not overlap"));
    }

    @Test
    void anUnknownTreatmentFailsTheExtensionSchema() {
        Path c = Fixtures.shipping(dir, Fixtures.ODCS, t -> t.replaceFirst("treatment: mask", "treatment: hide"));
        assertThat(errors(c)).anySatisfy(e -> assertThat(e.path()).endsWith("/value/treatment"));
    }

    @Test
    void aLiteralKeyIsRefusedAsKeySecret() {
        Path c = Fixtures.shipping(
                dir,
                Fixtures.ODCS,
                t -> t.replace("keyFile: <PSEUDONYMIZE_KEY_FILE>", "keySecret: 0123456789abcdef0123456789abcdef"));
        assertThat(errors(c)).anySatisfy(e -> assertThat(e.path()).endsWith("/pseudonymize/keySecret"));
    }

    @Test
    void aReferenceIsAcceptedAsKeySecret() {
        Path c = Fixtures.shipping(
                dir,
                Fixtures.ODCS,
                t -> t.replace("keyFile: <PSEUDONYMIZE_KEY_FILE>", "keySecret: ${vault:secret/boundary:key}"));
        assertThat(errors(c)).isEmpty();
    }

    @Test
    void aRelativeKeyFileIsRefused() {
        Path c = Fixtures.shipping(
                dir,
                Fixtures.ODCS,
                t -> t.replace("keyFile: <PSEUDONYMIZE_KEY_FILE>", "keyFile: secrets/boundary.key"));
        assertThat(errors(c)).anySatisfy(e -> assertThat(e.path()).endsWith("/pseudonymize/keyFile"));
    }

    @Test
    void aKeyFileAndAKeySecretTogetherAreRefused() {
        Path c = Fixtures.shipping(
                dir,
                Fixtures.ODCS,
                t -> t.replace(
                        "keyFile: <PSEUDONYMIZE_KEY_FILE>",
                        "keyFile: <PSEUDONYMIZE_KEY_FILE>\n      keySecret: <PSEUDONYMIZE_KEY_SECRET>"));
        assertThat(errors(c)).isNotEmpty();
    }

    @Test
    void theRetiredKeyReferenceIsRefused() {
        Path c = Fixtures.shipping(
                dir,
                Fixtures.ODCS,
                t -> t.replace("keyFile: <PSEUDONYMIZE_KEY_FILE>", "keyReference: <PSEUDONYMIZE_KEY>"));
        assertThat(errors(c)).isNotEmpty();
    }

    @Test
    void anEventTypeNoDocumentDeclaresIsNamed() {
        Path c = Fixtures.shipping(dir, Fixtures.BINDINGS, t -> t.replace("- PackageRegistered", "- PackageLost"));
        assertThat(errors(c)).anySatisfy(e -> {
            assertThat(e.path()).isEqualTo("/connectors/customer-tracking-sink/mappings/registered/events/0");
            assertThat(e.reason()).contains("PackageLost").contains("declared by no AsyncAPI document");
        });
    }

    @Test
    void aStatementParameterMustBeAFieldOfTheEvent() {
        Path c = Fixtures.shipping(dir, Fixtures.BINDINGS, t -> t.replace(":data.trackingCode", ":data.trackingNo"));
        assertThat(errors(c))
                .anySatisfy(
                        e -> assertThat(e.reason()).contains("data.trackingNo").contains("PackageRegistered@1"));
    }

    @Test
    void aSinkCannotMapAWithheldColumn() {
        Path c = Fixtures.shipping(
                dir, Fixtures.BINDINGS, t -> t.replace("weight_grams: weight_grams", "internal_cost: weight_grams"));
        assertThat(errors(c)).anySatisfy(e -> {
            assertThat(e.path()).isEqualTo("/connectors/customer-service-sink/mappings/packages/fields/internal_cost");
            assertThat(e.reason()).contains("lets no column");
        });
    }

    @Test
    void theOfficialAsyncApiSchemaRejectsAnInvalidDocument() {
        Path c = Fixtures.shipping(dir, Fixtures.ASYNCAPI, t -> t.replace("action: send", "action: publish"));
        assertThat(errors(c)).anySatisfy(e -> assertThat(e.path()).endsWith("/action"));
    }

    @Test
    void checkListsEveryErrorAndExitsNonZero() {
        Path c = Fixtures.shipping(dir, Fixtures.BINDINGS, t -> t.replace("- PackageRegistered", "- PackageLost")
                .replace(":data.status", ":data.state"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new ContractsCli(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err))
                .run("check", c.toString());
        assertThat(status).isEqualTo(ContractsCli.INVALID);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("PackageLost").contains("data.state");
    }
}
