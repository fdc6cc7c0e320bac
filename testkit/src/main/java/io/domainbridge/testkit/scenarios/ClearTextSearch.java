package io.domainbridge.testkit.scenarios;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which of many values occur anywhere in a text, found in one pass over the text: values are indexed by their first
 * characters (as many as the shortest value has, up to 16), so that auditing tens of thousands of records against
 * thousands of confidential values stays linear in the size of the records.
 */
public final class ClearTextSearch {

    private static final int MAX_KEY_LENGTH = 16;

    private final int keyLength;
    private final Map<String, List<String>> byKey;

    public ClearTextSearch(Collection<String> values) {
        Set<String> distinct = new TreeSet<>(values);
        keyLength = Math.max(
                1,
                Math.min(
                        MAX_KEY_LENGTH,
                        distinct.stream().mapToInt(String::length).min().orElse(1)));
        byKey = distinct.stream()
                .filter(value -> !value.isEmpty())
                .collect(Collectors.groupingBy(value -> value.substring(0, keyLength)));
    }

    /** The values that occur in the text, each once. */
    public Set<String> foundIn(String text) {
        Set<String> found = new TreeSet<>();
        for (int i = 0; i + keyLength <= text.length(); i++) {
            List<String> candidates = byKey.get(text.substring(i, i + keyLength));
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
