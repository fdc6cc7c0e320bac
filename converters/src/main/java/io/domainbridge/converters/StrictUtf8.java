package io.domainbridge.converters;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes UTF-8 text, refusing malformed bytes instead of replacing them with U+FFFD as {@code new String} does: an
 * event id, a type or a string of the data that silently changed on the way is worse than one that is rejected.
 */
public final class StrictUtf8 {

    private StrictUtf8() {}

    /** The text, or empty when the bytes are not well-formed UTF-8. */
    public static Optional<String> decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /** The text of {@code length} bytes from {@code offset}, or empty when they are not well-formed UTF-8. */
    public static Optional<String> decode(byte[] bytes, int offset, int length) {
        if (isAscii(bytes, offset, length)) {
            return Optional.of(new String(bytes, offset, length, StandardCharsets.ISO_8859_1));
        }
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes, offset, length))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean isAscii(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }
}
