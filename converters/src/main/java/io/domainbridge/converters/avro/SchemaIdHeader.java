package io.domainbridge.converters.avro;

import java.nio.ByteBuffer;
import java.util.UUID;
import org.apache.kafka.connect.errors.DataException;

/**
 * The schema id that Confluent's serializers can put in a record header instead of the 5-byte payload prefix: a
 * version byte, then either the 16-byte schema GUID (version 1, most significant half first) or the 4-byte registry
 * id (version 0), both big-endian. With the id in a header the payload is the bare Avro binary encoding.
 */
public record SchemaIdHeader(Integer id, UUID guid) {

    public static final String VALUE_HEADER = "__value_schema_id";
    public static final String KEY_HEADER = "__key_schema_id";
    static final byte ID_VERSION = 0;
    static final byte GUID_VERSION = 1;
    private static final int ID_LENGTH = 1 + Integer.BYTES;
    private static final int GUID_LENGTH = 1 + 2 * Long.BYTES;

    /** The header that carries the schema id of keys or of values. */
    public static String name(boolean isKey) {
        return isKey ? KEY_HEADER : VALUE_HEADER;
    }

    /** Parses a header's value; the message names the topic, the header and what is wrong, never the bytes. */
    public static SchemaIdHeader parse(String topic, String header, byte[] value) {
        if (value.length == GUID_LENGTH && value[0] == GUID_VERSION) {
            ByteBuffer buffer = ByteBuffer.wrap(value, 1, GUID_LENGTH - 1);
            return new SchemaIdHeader(null, new UUID(buffer.getLong(), buffer.getLong()));
        }
        if (value.length == ID_LENGTH && value[0] == ID_VERSION) {
            return new SchemaIdHeader(ByteBuffer.wrap(value, 1, Integer.BYTES).getInt(), null);
        }
        throw new DataException("Header '" + header + "' of a record in topic '" + topic + "' is not a schema id: "
                + value.length + " bytes"
                + (value.length == 0 ? "" : " of version " + value[0])
                + ", expected version 1 with a 16-byte GUID or version 0 with a 4-byte id");
    }

    /** How the schema is named in messages. */
    public String describe() {
        return guid != null ? "schema GUID " + guid : "schema id " + id;
    }
}
