package io.domainbridge.transforms;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.json.JsonConverter;

/**
 * Test fixture: what a record becomes on the wire when Connect writes it with {@link JsonConverter} (schemas enabled)
 * as key, value and header converter, as text per part: topic, key, value and each header (its name and bytes).
 */
final class ConnectBytes {

    private final JsonConverter keys = converter(Map.of("converter.type", "key"));
    private final JsonConverter values = converter(Map.of("converter.type", "value"));
    private final JsonConverter headers = converter(Map.of("converter.type", "header"));

    /** Each part of the record, as it would be written, in UTF-8 text. */
    Map<String, String> parts(ConnectRecord<?> record) {
        Map<String, String> parts = new LinkedHashMap<>();
        String topic = record.topic();
        parts.put("topic", topic);
        parts.put("key", text(keys.fromConnectData(topic, record.keySchema(), record.key())));
        parts.put("value", text(values.fromConnectData(topic, record.valueSchema(), record.value())));
        int index = 0;
        for (Header header : record.headers()) {
            byte[] bytes = headers.fromConnectHeader(topic, header.key(), header.schema(), header.value());
            parts.put("header " + index++ + " '" + header.key() + "'", "\"" + header.key() + "\" " + text(bytes));
        }
        return parts;
    }

    /**
     * Whether the text holds the token as a whole: numbers are not matched inside longer numbers, so the check of
     * {@code 1900000005} is not fooled by {@code 19000000050}.
     */
    static boolean holds(String text, String token) {
        boolean numeric = token.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == '-');
        for (int at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
            if (!numeric || (!digitAt(text, at - 1) && !digitAt(text, at + token.length()))) {
                return true;
            }
        }
        return false;
    }

    /** The text around the first occurrence of the token, for a failure message that points at the leak. */
    static String around(String text, String token) {
        int at = Math.max(0, text.indexOf(token));
        int from = Math.max(0, at - 80);
        int to = Math.min(text.length(), at + token.length() + 40);
        return (from > 0 ? "..." : "") + text.substring(from, to) + (to < text.length() ? "..." : "");
    }

    private static boolean digitAt(String text, int index) {
        return index >= 0
                && index < text.length()
                && (Character.isDigit(text.charAt(index)) || text.charAt(index) == '.');
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }

    private static JsonConverter converter(Map<String, String> props) {
        JsonConverter converter = new JsonConverter();
        Map<String, String> config = new LinkedHashMap<>(props);
        config.put("schemas.enable", "true");
        converter.configure(config);
        return converter;
    }
}
