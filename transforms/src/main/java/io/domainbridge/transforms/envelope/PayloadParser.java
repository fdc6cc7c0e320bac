package io.domainbridge.transforms.envelope;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.connect.errors.DataException;

/**
 * Parses an outbox payload column into a JSON tree. A key that appears twice in one object is a contract violation,
 * not a value to pick: the error names its path. Errors name positions and paths only; Jackson's own messages quote the
 * payload.
 */
final class PayloadParser {

    private static final String DUPLICATE = "Duplicate field";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private PayloadParser() {}

    /** @param column the outbox column the value comes from */
    static JsonNode parse(Object value, EventKind kind, String column) {
        try {
            if (value instanceof String text) {
                return JSON.readTree(text);
            }
            if (value instanceof byte[] bytes) {
                return JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
            }
        } catch (MismatchedInputException e) {
            if (e.getOriginalMessage().startsWith(DUPLICATE) && e.getProcessor() instanceof JsonParser parser) {
                throw new DataException("Payload of event " + kind + " (outbox column '" + column + "') has the key '"
                        + path(parser.getParsingContext()) + "' twice; a duplicate key is a contract violation");
            }
            throw invalid(e, kind, column);
        } catch (JsonProcessingException e) {
            throw invalid(e, kind, column);
        } catch (IOException e) {
            throw new DataException("Payload of event " + kind + " cannot be read");
        }
        throw new DataException("Outbox column '" + column + "' of event " + kind + " must hold JSON text, "
                + (value == null ? "found nothing" : "found " + value.getClass().getSimpleName()));
    }

    private static DataException invalid(JsonProcessingException e, EventKind kind, String column) {
        // Jackson gives no location when a payload breaks its nesting or length limits
        JsonLocation at = e.getLocation();
        return new DataException("Payload of event " + kind + " (outbox column '" + column + "') is not valid JSON: "
                + (at == null
                        ? "it exceeds the parser's nesting or length limits"
                        : "error at line " + at.getLineNr() + ", column " + at.getColumnNr()));
    }

    /** The field path in the notation of the payload errors: {@code items[1].sku}. */
    static String path(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            String segment = at.inArray() ? "[" + at.getCurrentIndex() + "]" : at.getCurrentName();
            boolean dot = path.length() > 0 && path.charAt(0) != '[';
            path.insert(0, dot ? segment + "." : segment);
        }
        return path.toString();
    }
}
