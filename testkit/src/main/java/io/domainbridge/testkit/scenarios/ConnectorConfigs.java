package io.domainbridge.testkit.scenarios;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domainbridge.testkit.rig.PostgresDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scenario's connector JSON as a user submits it: every {@code <PLACEHOLDER>} filled in (hosts, users, passwords
 * and JDBC URLs of the domains' databases, the path of the file holding the pseudonymization key), Debezium sources pointed at the test's own
 * database with a replication slot of their own. Nothing else is changed.
 */
public final class ConnectorConfigs {

    private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Z0-9_]+)>");
    private static final Pattern DOMAIN_HOST = Pattern.compile("<([A-Z0-9_]+)_DB_HOST>");

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, PostgresDatabase> databases;

    public ConnectorConfigs(Map<String, PostgresDatabase> databases, Path pseudonymizeKeyFile) {
        this.databases = databases;
        values.put("PSEUDONYMIZE_KEY_FILE", pseudonymizeKeyFile.toString());
        databases.forEach((domain, database) -> {
            String prefix = domain.toUpperCase() + "_DB_";
            values.put(prefix + "HOST", database.host());
            values.put(prefix + "USER", database.user());
            values.put(prefix + "PASSWORD", database.password());
            values.put(
                    prefix + "URL",
                    "jdbc:postgresql://" + database.host() + ":" + database.port() + "/" + database.name());
        });
    }

    public Map<String, String> load(Path json) {
        Map<String, String> raw = read(json);
        Map<String, String> config = new LinkedHashMap<>();
        raw.forEach((key, value) -> config.put(key, fill(json, value)));
        Matcher host = DOMAIN_HOST.matcher(raw.getOrDefault("database.hostname", ""));
        if (host.matches()) {
            PostgresDatabase database = databases.get(host.group(1).toLowerCase());
            config.put("database.port", Integer.toString(database.port()));
            config.put("database.dbname", database.name());
            config.put("slot.name", PostgresDatabase.uniqueName("slot"));
            config.put("publication.name", PostgresDatabase.uniqueName("publication"));
        }
        return config;
    }

    private String fill(Path json, String value) {
        Matcher placeholder = PLACEHOLDER.matcher(value);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            String replacement = values.get(placeholder.group(1));
            if (replacement == null) {
                throw new IllegalStateException(json + " names " + placeholder.group() + ", which is no host,"
                        + " credential or key of the scenario's domains " + databases.keySet());
            }
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(replacement));
        }
        return placeholder.appendTail(filled).toString();
    }

    private static Map<String, String> read(Path json) {
        try {
            return new ObjectMapper().readValue(Files.readString(json), new TypeReference<>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
