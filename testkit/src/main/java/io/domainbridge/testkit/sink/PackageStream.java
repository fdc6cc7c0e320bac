package io.domainbridge.testkit.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stream of status and location events for a few packages, in turn and round robin, and the state the consumer
 * tables must end in once every event was applied exactly once: the last status with the number of status events,
 * and the location of the highest sequence.
 */
public final class PackageStream {

    /** One produced event: its id, its key and its serialized value. */
    public record Event(String id, String key, String value) {}

    private static final String[] STATUSES = {"SHIPPED", "DELIVERED", "REGISTERED"};

    private final SinkEvents events;
    private final String prefix;
    private final long firstPackage;
    private final int packages;
    private final List<Event> all = new ArrayList<>();
    private final Map<Long, String> statuses = new TreeMap<>();
    private final Map<Long, Integer> statusCounts = new TreeMap<>();
    private final Map<Long, String> locations = new TreeMap<>();

    public PackageStream(SinkEvents events, String prefix, long firstPackage, int packages) {
        this.events = events;
        this.prefix = prefix;
        this.firstPackage = firstPackage;
        this.packages = packages;
    }

    /** The next events of the stream, each with a new id. */
    public List<Event> next(int count) {
        List<Event> next = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            int index = all.size();
            long packageId = firstPackage + (index / 2) % packages;
            String id = prefix + index;
            String value;
            if (index % 2 == 0) {
                String status = STATUSES[(index / 2 / packages) % STATUSES.length];
                statuses.put(packageId, status);
                statusCounts.merge(packageId, 1, Integer::sum);
                value = events.statusChanged(id, packageId, status);
            } else {
                locations.put(packageId, "Hub " + index + ":" + index);
                value = events.located(id, packageId, "Hub " + index, index);
            }
            Event event = new Event(id, String.valueOf(packageId), value);
            all.add(event);
            next.add(event);
        }
        return next;
    }

    /** Events already produced, to produce again. */
    public List<Event> replay(int count) {
        return List.copyOf(all.subList(0, count));
    }

    public List<String> ids() {
        return all.stream().map(Event::id).toList();
    }

    public long firstPackage() {
        return firstPackage;
    }

    public long lastPackage() {
        return firstPackage + packages - 1;
    }

    /** {@code package_id:status:applied_count} per package, in package order. */
    public List<String> expectedDeliveries() {
        return statuses.entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue() + ":" + statusCounts.get(e.getKey()))
                .toList();
    }

    /** {@code package_id:location:seq_no} per package, in package order. */
    public List<String> expectedLocations() {
        return locations.entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue())
                .toList();
    }
}
