package io.domainbridge.it.scenarios;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of many values occur anywhere in a text, found in one pass over the text: values are indexed by their first
 * characters, so that auditing tens of thousands of records against thousands of confidential values stays linear in
 * the size of the records.
 */
final class ClearTextSearch {

    private static final int KEY_LENGTH = 6;

    private final Map<String, List<String>> byKey = new HashMap<>();
    private final List<String> shortValues = new ArrayList<>();

    ClearTextSearch(Collection<String> values) {
        for (String value : new TreeSet<>(values)) {
            if (value.length() < KEY_LENGTH) {
                shortValues.add(value);
            } else {
                byKey.computeIfAbsent(value.substring(0, KEY_LENGTH), key -> new ArrayList<>())
                        .add(value);
            }
        }
    }

    /** The values that occur in the text, each once. */
    Set<String> foundIn(String text) {
        Set<String> found = new TreeSet<>();
        for (String value : shortValues) {
            if (text.contains(value)) {
                found.add(value);
            }
        }
        for (int i = 0; i + KEY_LENGTH <= text.length(); i++) {
            List<String> candidates = byKey.get(text.substring(i, i + KEY_LENGTH));
            if (candidates != null) {
                for (String candidate : candidates) {
                    if (text.startsWith(candidate, i)) {
                        found.add(candidate);
                    }
                }
            }
        }
        return found;
    }
}
