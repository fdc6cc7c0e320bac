package io.domainbridge.contracts;

import java.util.Optional;

/** The payload rules of {@link ContractDiff}: event types and their data fields, per type and version. */
final class EventDiff {

    private final ContractDiff diff;
    private final String contract;

    EventDiff(ContractDiff diff, String contract) {
        this.diff = diff;
        this.contract = contract;
    }

    void compare(EventContract then, EventContract now) {
        for (EventContract.Event e : now.events()) {
            Optional<EventContract.Event> old =
                    then.events().stream().filter(o -> o.key().equals(e.key())).findFirst();
            if (old.isEmpty()) {
                diff.add(Change.Kind.WIDENING, contract, e.key(), "event added");
            } else {
                fields(e.key(), old.get(), e);
                if (!old.get().topic().equals(e.topic())) {
                    diff.add(Change.Kind.BREAKING, contract, e.key(), "moved to topic " + e.topic());
                }
            }
        }
        then.events().stream()
                .filter(o -> now.events().stream().noneMatch(e -> e.key().equals(o.key())))
                .forEach(o -> diff.add(Change.Kind.BREAKING, contract, o.key(), "event removed"));
    }

    private void fields(String key, EventContract.Event then, EventContract.Event now) {
        for (EventContract.Field f : now.fields()) {
            String path = key + ".data." + f.name();
            Optional<EventContract.Field> old = then.field(f.name());
            if (old.isEmpty()) {
                diff.add(
                        f.required() ? Change.Kind.BREAKING : Change.Kind.PAYLOAD_COMPATIBLE,
                        contract,
                        path,
                        (f.required() ? "required" : "optional") + " field added");
            } else if (!old.get().type().equals(f.type())) {
                diff.add(
                        Change.Kind.BREAKING,
                        contract,
                        path,
                        "type " + old.get().type() + " -> " + f.type());
            } else if (old.get().required() != f.required()) {
                diff.add(
                        f.required() ? Change.Kind.BREAKING : Change.Kind.PAYLOAD_COMPATIBLE,
                        contract,
                        path,
                        f.required() ? "became required" : "became optional");
            }
        }
        then.fields().stream()
                .filter(o -> now.field(o.name()).isEmpty())
                .forEach(o -> diff.add(Change.Kind.BREAKING, contract, key + ".data." + o.name(), "field removed"));
    }
}
