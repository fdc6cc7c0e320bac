package io.domainbridge.transforms.boundary;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.connect.data.Schema;

/**
 * Keyed, deterministic pseudonyms: the HMAC-SHA-256 of a value's canonical text (bytes are taken as they are),
 * written as 64 lowercase hex characters. Equal values give equal pseudonyms, so consumers can still join on them;
 * without the key they cannot be reversed or recomputed.
 *
 * <p>The canonical text is {@link CanonicalText}'s: one text per value, whichever Connect or Debezium type carries it.
 */
public final class Pseudonymizer {

    private static final String ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    private final String keyId;
    private final ThreadLocal<Mac> mac;

    public Pseudonymizer(byte[] key, String keyId) {
        this.keyId = keyId;
        SecretKeySpec spec = new SecretKeySpec(Arrays.copyOf(key, key.length), ALGORITHM);
        this.mac = ThreadLocal.withInitial(() -> newMac(spec));
    }

    /** The identifier of the key, recorded with each record so pseudonyms can be traced through key rotation. */
    public String keyId() {
        return keyId;
    }

    /** The pseudonym of a value of the given schema; null stays null. */
    public String pseudonymize(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        return HEX.formatHex(mac.get().doFinal(canonicalBytes(schema, value)));
    }

    static byte[] canonicalBytes(Schema schema, Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return bytes;
        }
        return CanonicalText.of(schema == null ? null : schema.name(), value).getBytes(StandardCharsets.UTF_8);
    }

    private static Mac newMac(SecretKeySpec spec) {
        try {
            Mac instance = Mac.getInstance(ALGORITHM);
            instance.init(spec);
            return instance;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        }
    }
}
