package io.domainbridge.contracts;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.StringJoiner;

/**
 * One generated connector config: the settings given in the bindings file, then the settings derived from the
 * contracts, written as JSON in that order with a blank line between the two groups.
 */
public record CompiledConnector(
        String name, LinkedHashMap<String, String> given, LinkedHashMap<String, String> derived) {

    public LinkedHashMap<String, String> config() {
        LinkedHashMap<String, String> all = new LinkedHashMap<>(given);
        all.putAll(derived);
        return all;
    }

    public String connectorClass() {
        return given.get("connector.class");
    }

    /** The config as the committed JSON files are written: two-space indent, one key per line. */
    public String json() {
        StringJoiner out = new StringJoiner(",\n", "{\n", "\n}\n");
        List<LinkedHashMap<String, String>> groups = List.of(given, derived);
        for (int g = 0; g < groups.size(); g++) {
            int i = 0;
            for (var e : groups.get(g).entrySet()) {
                String blank = g > 0 && i++ == 0 && !given.isEmpty() ? "\n" : "";
                out.add(blank + "  " + quote(e.getKey()) + ": " + quote(e.getValue()));
            }
        }
        return out.toString();
    }

    private static String quote(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }
}
