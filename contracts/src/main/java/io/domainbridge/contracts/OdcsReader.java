package io.domainbridge.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads our model out of an ODCS v3.1 document; problems of shape the schemas already report are skipped. */
final class OdcsReader {

    static final String EXTENSION = "x-domain-bridge";

    private OdcsReader() {}

    static DataContract read(Document doc) {
        JsonNode root = doc.root();
        JsonNode ext = extension(root);
        List<DataContract.Table> tables = new ArrayList<>();
        JsonNode schema = root.path("schema");
        for (int i = 0; i < schema.size(); i++) {
            tables.add(table(schema.get(i), "/schema/" + i));
        }
        String sql = ext.path("sourceSql").asText(null);
        Path sqlPath = sql == null
                ? null
                : doc.file().toAbsolutePath().getParent().resolve(sql).normalize();
        JsonNode key = ext.path("pseudonymize");
        return new DataContract(
                doc.file(),
                root.path("id").asText(),
                root.path("version").asText(),
                root.path("domain").asText(),
                strings(ext.path("consumers")),
                ext.path("deletePolicy").asText("delete"),
                key.path("keyFile").asText(null),
                key.path("keySecret").asText(null),
                key.path("keyId").asText(null),
                ext.path("unlistedTables").asText(null),
                sqlPath,
                List.copyOf(tables));
    }

    /** The value of the {@code x-domain-bridge} entry of a node's customProperties, or a missing node. */
    static JsonNode extension(JsonNode node) {
        for (JsonNode p : node.path("customProperties")) {
            if (EXTENSION.equals(p.path("property").asText())) {
                return p.path("value");
            }
        }
        return node.path("customProperties").path("-");
    }

    static int extensionIndex(JsonNode node) {
        JsonNode props = node.path("customProperties");
        for (int i = 0; i < props.size(); i++) {
            if (EXTENSION.equals(props.get(i).path("property").asText())) {
                return i;
            }
        }
        return -1;
    }

    private static DataContract.Table table(JsonNode node, String path) {
        List<DataContract.Column> columns = new ArrayList<>();
        JsonNode props = node.path("properties");
        for (int i = 0; i < props.size(); i++) {
            JsonNode c = props.get(i);
            String cpath = path + "/properties/" + i;
            JsonNode ext = extension(c);
            Treatment treatment = Treatment.parse(ext.path("treatment").asText("withhold"));
            columns.add(new DataContract.Column(
                    c.path("name").asText(),
                    treatment == null ? Treatment.WITHHOLD : treatment,
                    ext.path("rename").asText(null),
                    c.path("primaryKey").asBoolean(false),
                    c.path("classification").asText(null),
                    c.path("physicalType").asText(null),
                    cpath));
        }
        return new DataContract.Table(
                node.path("name").asText(),
                node.path("physicalName").asText(),
                extension(node).path("topic").asText(),
                path,
                List.copyOf(columns));
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }
}
