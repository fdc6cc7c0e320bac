package io.domainbridge.transforms.envelope;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A name built from event attributes, such as the topic pattern {@code ${sourcedomain}.${aggregatetype}.events}.
 * Parsed once; rendering concatenates literal parts and attribute values.
 */
public final class NamePattern {

    public static final String SOURCE_DOMAIN = "sourcedomain";
    public static final String AGGREGATE_TYPE = "aggregatetype";
    public static final String EVENT_TYPE = "eventtype";
    public static final Set<String> VARIABLES = Set.of(SOURCE_DOMAIN, AGGREGATE_TYPE, EVENT_TYPE);

    private record Part(String literal, String variable) {}

    private final List<Part> parts;

    private NamePattern(List<Part> parts) {
        this.parts = parts;
    }

    /** Parses a pattern; an unknown or unterminated variable is an {@link IllegalArgumentException}. */
    public static NamePattern parse(String pattern) {
        List<Part> parts = new ArrayList<>();
        int position = 0;
        while (position < pattern.length()) {
            int start = pattern.indexOf("${", position);
            if (start < 0) {
                parts.add(new Part(pattern.substring(position), null));
                break;
            }
            int end = pattern.indexOf('}', start);
            if (end < 0) {
                throw new IllegalArgumentException("unterminated ${ at position " + start);
            }
            String variable = pattern.substring(start + 2, end);
            if (!VARIABLES.contains(variable)) {
                throw new IllegalArgumentException(
                        "unknown variable ${" + variable + "}, expected one of " + VARIABLES);
            }
            parts.add(new Part(pattern.substring(position, start), variable));
            position = end + 1;
        }
        return new NamePattern(parts);
    }

    public String render(String sourceDomain, String aggregateType, String eventType) {
        StringBuilder name = new StringBuilder(64);
        for (Part part : parts) {
            name.append(part.literal());
            if (part.variable() != null) {
                name.append(
                        switch (part.variable()) {
                            case SOURCE_DOMAIN -> sourceDomain;
                            case AGGREGATE_TYPE -> aggregateType;
                            default -> eventType;
                        });
            }
        }
        return name.toString();
    }
}
