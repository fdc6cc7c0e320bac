package io.domainbridge.contracts;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/** The command events of one producing domain, as its AsyncAPI document declares them. */
public record EventContract(
        Path file, String domain, String version, LinkedHashMap<String, String> envelope, List<Event> events) {

    /** One event type at one schema version, on the topic its aggregate type routes it to. */
    public record Event(String type, int version, String aggregateType, String topic, List<Field> fields, String path) {

        public String key() {
            return type + "@" + version;
        }

        public Optional<Field> field(String name) {
            return fields.stream().filter(f -> f.name().equals(name)).findFirst();
        }
    }

    /** One field of an event's data, its type in the envelope's data schema syntax. */
    public record Field(String name, String type, boolean required) {}

    public List<Event> events(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }
}
