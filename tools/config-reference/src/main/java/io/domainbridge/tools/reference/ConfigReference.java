package io.domainbridge.tools.reference;

import io.domainbridge.connectors.CommandSinkConfig;
import io.domainbridge.connectors.sink.MappingReference;
import io.domainbridge.converters.CloudEventsConverterConfig;
import io.domainbridge.transforms.CommandEventEnvelopeConfig;
import io.domainbridge.transforms.DomainBoundaryConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;

/**
 * Renders every plugin's {@link ConfigDef} as a Markdown page. The build writes the pages under {@code target/}; the
 * committed copies in {@code docs/reference/} are checked against them by a test, so the reference is always the
 * one the code validates against and the build never edits a tracked file.
 */
public final class ConfigReference {

    /** Every page of the reference, in the order of the index. */
    public static final List<ReferencePage> PAGES = List.of(
            ReferencePage.of(
                    "domain-boundary.md",
                    "DomainBoundary",
                    DomainBoundaryConfig.class,
                    "Keys of the `io.domainbridge.transforms.DomainBoundary$Key` and `$Value` transforms, given as"
                            + " `transforms.<name>.<key>` in a source connector's configuration."),
            ReferencePage.of(
                    "command-event-envelope.md",
                    "CommandEventEnvelope",
                    CommandEventEnvelopeConfig.class,
                    "Keys of the `io.domainbridge.transforms.CommandEventEnvelope` transform, given as"
                            + " `transforms.<name>.<key>` in the outbox source connector's configuration."),
            ReferencePage.of(
                    "cloudevents-converter.md",
                    "CloudEventsConverter",
                    CloudEventsConverterConfig.class,
                    "Keys of the `io.domainbridge.converters.CloudEventsConverter`, given as `value.converter.<key>`"
                            + " (or `key.converter.<key>`, `header.converter.<key>`) in a connector's or worker's"
                            + " configuration."),
            ReferencePage.of(
                    "command-sink.md",
                    "CommandSinkConnector",
                    CommandSinkConfig.class,
                    "Keys of the `io.domainbridge.connectors.CommandSinkConnector`, besides Connect's own sink keys"
                            + " (`topics`, `errors.*`, `consumer.override.*`, ...)."),
            new ReferencePage(
                    "command-sink-mappings.md",
                    "CommandSinkConnector mappings",
                    MappingReference.class,
                    "Keys of each mapping of the `io.domainbridge.connectors.CommandSinkConnector`, named in"
                            + " `mappings`; a record is applied by the first mapping that selects it.",
                    "mappings.<alias>.",
                    MappingReference.CONFIG_DEF));

    private ConfigReference() {}

    /** Argument: the folder to write the pages into. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("Usage: ConfigReference <output folder>");
        }
        Path folder = Files.createDirectories(Path.of(args[0]));
        for (ReferencePage page : PAGES) {
            Files.writeString(folder.resolve(page.file()), render(page), StandardCharsets.UTF_8);
        }
    }

    /** The whole page: heading, origin, introduction and the table of keys. */
    public static String render(ReferencePage page) {
        return "# " + page.title() + " configuration reference\n\n"
                + "Generated from `" + page.source().getName() + ".CONFIG_DEF` by `tools/config-reference`; run"
                + " `scripts/update-reference.sh` after changing a key.\n\n"
                + page.intro() + "\n\n"
                + markdown(page.def(), page.keyPrefix());
    }

    /** A Markdown table with one row per key, in definition order. */
    public static String markdown(ConfigDef def, String keyPrefix) {
        StringBuilder table = new StringBuilder();
        table.append("| Key | Type | Default | Valid values | Importance | Description |\n");
        table.append("|---|---|---|---|---|---|\n");
        for (ConfigKey key : def.configKeys().values()) {
            table.append(List.of(
                            "`" + keyPrefix + key.name + "`",
                            key.type.toString().toLowerCase(Locale.ROOT),
                            defaultText(key),
                            key.validator == null ? "" : cell(key.validator.toString()),
                            key.importance.toString().toLowerCase(Locale.ROOT),
                            cell(key.documentation))
                    .stream()
                    .collect(Collectors.joining(" | ", "| ", " |\n")));
        }
        return table.toString();
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
