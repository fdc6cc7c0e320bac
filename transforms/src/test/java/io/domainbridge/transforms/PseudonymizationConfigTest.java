package io.domainbridge.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class PseudonymizationConfigTest {

    private static final String KEY = PackagesTable.KEY;

    @Test
    void theRetiredInlineKeyIsRejectedOnItsKeyByValidation() {
        Map<String, String> props = PackagesTable.contract();
        props.remove("pseudonymize.key.secret");
        props.put("pseudonymize.key", KEY);

        List<ConfigValue> values =
                new DomainBoundary.Value<SourceRecord>().config().validate(props);

        assertThat(values).allSatisfy(value -> {
            if (value.name().equals("pseudonymize.key")) {
                assertThat(value.errorMessages())
                        .singleElement()
                        .asString()
                        .contains("pseudonymize.key.file", "pseudonymize.key.secret")
                        .doesNotContain(KEY);
            } else {
                assertThat(value.errorMessages()).as(value.name()).isEmpty();
            }
        });
    }

    @Test
    void theRetiredInlineKeyFailsTheTransformWithoutShowingIt() {
        Map<String, String> props = PackagesTable.contract();
        props.put("pseudonymize.key", KEY);

        assertThatThrownBy(() -> configure(props))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("pseudonymize.key is no longer accepted")
                .hasMessageContaining("pseudonymize.key.file")
                .hasMessageContaining("pseudonymize.key.secret")
                .hasMessageNotContaining(KEY);
    }

    @Test
    void aKeyInBothAFileAndInlineIsRejected() throws IOException {
        Map<String, String> props = PackagesTable.contract();
        props.put("pseudonymize.key.file", keyFile(KEY.getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> configure(props))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("for configuration pseudonymize.key.file:")
                .hasMessageContaining("pseudonymize.key.secret")
                .hasMessageNotContaining(KEY);
    }

    @Test
    void anUnreadableKeyFileIsReportedOnItsKey() {
        Map<String, String> props = fileKeyContract(PackagesTable.TOPIC + "-absent-key-file");

        assertThatThrownBy(() -> configure(props))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("for configuration pseudonymize.key.file:")
                .hasMessageContaining("cannot be read");
    }

    @Test
    void aKeyFileShorterThan32BytesIsRejectedWithoutShowingIt() throws IOException {
        String shortKey = "s".repeat(31);
        Map<String, String> props = fileKeyContract(keyFile((shortKey + "\n").getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> configure(props))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("for configuration pseudonymize.key.file:")
                .hasMessageNotContaining(shortKey);
    }

    /** The key of a file is its bytes, without one trailing line break; a text key gives what it gives inline. */
    @Property(tries = 50)
    void aKeyFileKeysTheHmacWithItsBytes(
            @ForAll("keys") byte[] key, @ForAll("lineBreaks") String lineBreak, @ForAll("emails") String email)
            throws IOException {
        Assume.that(key[key.length - 1] != '\n' && key[key.length - 1] != '\r');
        byte[] content = concat(key, lineBreak.getBytes(StandardCharsets.US_ASCII));

        String pseudonym = emailPseudonym(fileKeyContract(keyFile(content)), email);

        assertThat(pseudonym).isEqualTo(hmac(key, email));
    }

    @Property(tries = 20)
    void aTextKeyGivesTheSamePseudonymsInAFileAndInline(@ForAll("textKeys") String key, @ForAll("emails") String email)
            throws IOException {
        Assume.that(key.equals(key.trim()));
        Map<String, String> inline = PackagesTable.contract();
        inline.put("pseudonymize.key.secret", key);
        Map<String, String> file = fileKeyContract(keyFile((key + "\n").getBytes(StandardCharsets.UTF_8)));

        assertThat(emailPseudonym(file, email)).isEqualTo(emailPseudonym(inline, email));
    }

    @Provide
    Arbitrary<byte[]> keys() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(32).ofMaxSize(96);
    }

    @Provide
    Arbitrary<String> textKeys() {
        return Arbitraries.strings().ofMinLength(32).ofMaxLength(64).excludeChars('\n', '\r');
    }

    @Provide
    Arbitrary<String> lineBreaks() {
        return Arbitraries.of("", "\n", "\r\n");
    }

    @Provide
    Arbitrary<String> emails() {
        return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).map(name -> name + "@example.org");
    }

    private static Map<String, String> fileKeyContract(String path) {
        Map<String, String> props = PackagesTable.contract();
        props.remove("pseudonymize.key.secret");
        props.put("pseudonymize.key.file", path);
        return props;
    }

    private static String keyFile(byte[] content) throws IOException {
        Path file = Files.createTempFile("boundary-key", ".bin");
        file.toFile().deleteOnExit();
        Files.write(file, content);
        return file.toString();
    }

    private static String emailPseudonym(Map<String, String> props, String email) {
        DomainBoundary<SourceRecord> transform = new DomainBoundary.Value<>();
        try {
            transform.configure(props);
            Struct row = PackagesTable.row().put("recipient_email", email);
            SourceRecord output = transform.apply(
                    new SourceRecord(null, null, PackagesTable.TOPIC, 0, PackagesTable.ROW_SCHEMA, row));
            return ((Struct) output.value()).getString("recipient_email");
        } finally {
            transform.close();
        }
    }

    private static void configure(Map<String, String> props) {
        DomainBoundary<SourceRecord> transform = new DomainBoundary.Value<>();
        try {
            transform.configure(props);
        } finally {
            transform.close();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = new byte[a.length + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    /** HMAC-SHA-256 in lowercase hex, computed with the JDK independently of the code under test. */
    private static String hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
