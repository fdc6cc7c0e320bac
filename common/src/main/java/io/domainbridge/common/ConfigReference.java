package io.domainbridge.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;

/**
 * Renders a plugin's {@link ConfigDef} as a Markdown table and writes it into a document between the markers
 * {@code <!-- config:NAME:begin -->} and {@code <!-- config:NAME:end -->}. The build runs it, so the reference in the
 * docs is always the one the code validates against.
 */
public final class ConfigReference {

    private ConfigReference() {}

    /**
     * Arguments: the class holding a public static {@code CONFIG_DEF}, the Markdown file, and the marker name.
     */
    public static void main(String[] args) throws ReflectiveOperationException, IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("Usage: ConfigReference <config class> <markdown file> <marker name>");
        }
        ConfigDef def =
                (ConfigDef) Class.forName(args[0]).getField("CONFIG_DEF").get(null);
        Path document = Path.of(args[1]);
        String updated = replaceSection(Files.readString(document, StandardCharsets.UTF_8), args[2], markdown(def));
        Files.writeString(document, updated, StandardCharsets.UTF_8);
    }

    /** A Markdown table with one row per key, in definition order. */
    public static String markdown(ConfigDef def) {
        StringBuilder table = new StringBuilder();
        table.append("| Key | Type | Default | Valid values | Importance | Description |\n");
        table.append("|---|---|---|---|---|---|\n");
        for (ConfigKey key : def.configKeys().values()) {
            table.append(List.of(
                            "`" + key.name + "`",
                            key.type.toString().toLowerCase(java.util.Locale.ROOT),
                            defaultText(key),
                            key.validator == null ? "" : cell(key.validator.toString()),
                            key.importance.toString().toLowerCase(java.util.Locale.ROOT),
                            cell(key.documentation))
                    .stream()
                    .collect(Collectors.joining(" | ", "| ", " |\n")));
        }
        return table.toString();
    }

    static String replaceSection(String document, String name, String content) {
        String begin = "<!-- config:" + name + ":begin -->\n";
        String end = "<!-- config:" + name + ":end -->";
        int from = document.indexOf(begin);
        int to = document.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("Markers for '" + name + "' not found in the document");
        }
        return document.substring(0, from + begin.length()) + content + document.substring(to);
    }

    private static String defaultText(ConfigKey key) {
        if (!key.hasDefault()) {
            return "required";
        }
        if (key.defaultValue == null) {
            return "";
        }
        String text = key.defaultValue instanceof List<?> list
                ? list.stream().map(String::valueOf).collect(Collectors.joining(","))
                : String.valueOf(key.defaultValue);
        return text.isEmpty() ? "\"\"" : "`" + text + "`";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
