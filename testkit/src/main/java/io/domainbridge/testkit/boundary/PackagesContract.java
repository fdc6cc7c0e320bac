package io.domainbridge.testkit.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What Customer Service may see of a package under the contract, worked out independently of the transform: the
 * pseudonyms are computed here with the JDK's own HMAC-SHA-256.
 */
public final class PackagesContract {

    /** Columns that exist in the source but must never leave it. */
    public static final Set<String> WITHHELD =
            Set.of("internal_cost", "customs_notes", PackagesScenario.DRIFTED_COLUMN);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String key;

    public PackagesContract(String key) {
        this.key = key;
    }

    /** The row Customer Service receives for a package, as JSON. */
    public JsonNode sharedRow(Package p) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", p.id());
        row.put("tracking_code", p.trackingCode());
        row.put("status", p.status());
        row.put("current_location", p.location());
        row.put("weight_grams", p.weightGrams());
        row.put("recipient_name", "");
        row.put("recipient_email", hmac(p.recipientEmail()));
        row.put("recipient_phone", null);
        row.put(
                "delivered_on",
                p.deliveredOn() == null ? null : hmac(p.deliveredOn().toString()));
        try {
            return JSON.readTree(JSON.writeValueAsString(row));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Source values that must never appear in anything published: personal data in plain text. */
    public static Set<String> personalValues(Package p) {
        Set<String> values = new java.util.HashSet<>(Set.of(p.recipientName(), p.recipientEmail()));
        if (p.recipientPhone() != null) {
            values.add(p.recipientPhone());
        }
        return values;
    }

    public String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
