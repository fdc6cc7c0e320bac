package io.domainbridge.transforms;

import io.domainbridge.transforms.boundary.Pseudonymizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The pseudonymization key of {@link DomainBoundary}: where it comes from, and its id.
 *
 * <p>Source connectors print their task configuration at start, and Debezium masks an entry by its name only
 * ({@code .*password$}, {@code .*secret$} and a few more, or a {@code custom.sanitize.pattern} in their place), not by
 * its {@code PASSWORD} type; a key resolved from a ConfigProvider is in that configuration in clear. So the preferred
 * source is a file the transform reads itself, and the inline form has a name such patterns mask.
 */
public final class PseudonymizationConfig {

    public static final String PSEUDONYMIZE_KEY_FILE_CONFIG = "pseudonymize.key.file";
    private static final String PSEUDONYMIZE_KEY_FILE_DOC = "Path of a file, present on every worker, whose content is"
            + " the secret HMAC key for pseudonymize.columns: at least 32 bytes, one trailing line break ignored. The"
            + " transform reads the file itself, so the key never sits in the connector or task configuration, which"
            + " source connectors print when they start. Preferred over pseudonymize.key.secret.";
    private static final String PSEUDONYMIZE_KEY_FILE_DISPLAY = "Pseudonymization key file";

    public static final String PSEUDONYMIZE_KEY_SECRET_CONFIG = "pseudonymize.key.secret";
    private static final String PSEUDONYMIZE_KEY_SECRET_DOC = "The secret HMAC key for pseudonymize.columns inline, at"
            + " least 32 bytes of UTF-8, for keys from a ConfigProvider that cannot mount files, e.g."
            + " ${vault:path:key}. Connect resolves the provider before the connector starts, so the key is in the task"
            + " configuration: Debezium masks it there by its name ending in '.secret' (unless a custom.sanitize.pattern"
            + " replaces Debezium's default), a connector that prints its raw configuration does not. Use"
            + " pseudonymize.key.file where possible.";
    private static final String PSEUDONYMIZE_KEY_SECRET_DISPLAY = "Pseudonymization key (inline)";

    public static final String PSEUDONYMIZE_KEY_ID_CONFIG = "pseudonymize.key.id";
    private static final String PSEUDONYMIZE_KEY_ID_DOC = "Non-secret identifier of the pseudonymization key, stamped"
            + " as header '" + DomainBoundary.KEY_ID_HEADER + "' on records with pseudonymized columns so consumers can"
            + " tell pseudonyms of different keys apart when the key is rotated.";
    private static final String PSEUDONYMIZE_KEY_ID_DISPLAY = "Pseudonymization key id";

    /** The former inline key, rejected: Debezium printed it in clear in its configuration dump. */
    public static final String RETIRED_PSEUDONYMIZE_KEY_CONFIG = "pseudonymize.key";

    private static final String RETIRED_PSEUDONYMIZE_KEY_DOC = "No longer accepted, because source connectors printed"
            + " its value in their configuration dump: give the key in " + PSEUDONYMIZE_KEY_FILE_CONFIG + " or "
            + PSEUDONYMIZE_KEY_SECRET_CONFIG + ".";
    private static final String RETIRED_PSEUDONYMIZE_KEY_DISPLAY = "Pseudonymization key (no longer accepted)";

    static final int PSEUDONYMIZE_KEY_MIN_BYTES = 32;

    private static final String GROUP = "Pseudonymization";

    /** Rejects any value, naming the keys that replace the retired one; never shows the value. */
    private static final ConfigDef.Validator RETIRED = new ConfigDef.Validator() {
        @Override
        public void ensureValid(String name, Object value) {
            if (value != null) {
                throw new ConfigException("Configuration " + name + " is no longer accepted, because source"
                        + " connectors print its value when they start: give the key as a file in "
                        + PSEUDONYMIZE_KEY_FILE_CONFIG + ", or inline in " + PSEUDONYMIZE_KEY_SECRET_CONFIG);
            }
        }

        @Override
        public String toString() {
            return "none (use " + PSEUDONYMIZE_KEY_FILE_CONFIG + " or " + PSEUDONYMIZE_KEY_SECRET_CONFIG + ")";
        }
    };

    private PseudonymizationConfig() {}

    static void addGroup(ConfigDef def) {
        int order = 0;
        def.define(
                        PSEUDONYMIZE_KEY_FILE_CONFIG,
                        Type.STRING,
                        null,
                        Importance.HIGH,
                        PSEUDONYMIZE_KEY_FILE_DOC,
                        GROUP,
                        ++order,
                        Width.LONG,
                        PSEUDONYMIZE_KEY_FILE_DISPLAY)
                .define(
                        PSEUDONYMIZE_KEY_SECRET_CONFIG,
                        Type.PASSWORD,
                        null,
                        Importance.HIGH,
                        PSEUDONYMIZE_KEY_SECRET_DOC,
                        GROUP,
                        ++order,
                        Width.LONG,
                        PSEUDONYMIZE_KEY_SECRET_DISPLAY)
                .define(
                        PSEUDONYMIZE_KEY_ID_CONFIG,
                        Type.STRING,
                        null,
                        Importance.MEDIUM,
                        PSEUDONYMIZE_KEY_ID_DOC,
                        GROUP,
                        ++order,
                        Width.SHORT,
                        PSEUDONYMIZE_KEY_ID_DISPLAY)
                .define(
                        RETIRED_PSEUDONYMIZE_KEY_CONFIG,
                        Type.PASSWORD,
                        null,
                        RETIRED,
                        Importance.LOW,
                        RETIRED_PSEUDONYMIZE_KEY_DOC,
                        GROUP,
                        ++order,
                        Width.LONG,
                        RETIRED_PSEUDONYMIZE_KEY_DISPLAY);
    }

    /** The pseudonymizer of a contract with pseudonymized columns: exactly one key source, a key id. */
    static Pseudonymizer pseudonymizer(AbstractConfig config) {
        byte[] key = key(config);
        String keyId = config.getString(PSEUDONYMIZE_KEY_ID_CONFIG);
        if (keyId == null || keyId.isBlank()) {
            throw new ConfigException(
                    PSEUDONYMIZE_KEY_ID_CONFIG,
                    keyId,
                    "a key id is required when " + DomainBoundaryConfig.PSEUDONYMIZE_COLUMNS_CONFIG
                            + " is set, so pseudonyms can be traced to their key");
        }
        try {
            return new Pseudonymizer(key, keyId);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] key(AbstractConfig config) {
        String file = config.getString(PSEUDONYMIZE_KEY_FILE_CONFIG);
        Password secret = config.getPassword(PSEUDONYMIZE_KEY_SECRET_CONFIG);
        if (file != null && secret != null) {
            throw new ConfigException(
                    PSEUDONYMIZE_KEY_FILE_CONFIG,
                    file,
                    "give the key either in this file or in " + PSEUDONYMIZE_KEY_SECRET_CONFIG + ", not in both");
        }
        if (file == null && secret == null) {
            throw new ConfigException(
                    PSEUDONYMIZE_KEY_FILE_CONFIG,
                    null,
                    "a key is required when " + DomainBoundaryConfig.PSEUDONYMIZE_COLUMNS_CONFIG + " is set: give it"
                            + " as a file here, or inline in " + PSEUDONYMIZE_KEY_SECRET_CONFIG);
        }
        byte[] key = file != null ? readKeyFile(file) : secret.value().getBytes(StandardCharsets.UTF_8);
        if (key.length < PSEUDONYMIZE_KEY_MIN_BYTES) {
            String name = file != null ? PSEUDONYMIZE_KEY_FILE_CONFIG : PSEUDONYMIZE_KEY_SECRET_CONFIG;
            throw new ConfigException(
                    name,
                    file != null ? file : secret,
                    "a key of at least " + PSEUDONYMIZE_KEY_MIN_BYTES + " bytes is required when "
                            + DomainBoundaryConfig.PSEUDONYMIZE_COLUMNS_CONFIG + " is set");
        }
        return key;
    }

    /** The file's bytes without one trailing line break, which editors and {@code echo} add. */
    private static byte[] readKeyFile(String file) {
        byte[] content;
        try {
            content = Files.readAllBytes(Path.of(file));
        } catch (IOException | InvalidPathException e) {
            throw new ConfigException(
                    PSEUDONYMIZE_KEY_FILE_CONFIG,
                    file,
                    "the key file cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        int length = content.length;
        if (length > 0 && content[length - 1] == '\n') {
            length--;
            if (length > 0 && content[length - 1] == '\r') {
                length--;
            }
        }
        byte[] key = Arrays.copyOf(content, length);
        Arrays.fill(content, (byte) 0);
        return key;
    }
}
