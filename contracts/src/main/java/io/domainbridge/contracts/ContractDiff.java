package io.domainbridge.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Classifies the changes between two versions of the same contracts, matched by contract id and source domain. */
final class ContractDiff {

    private final List<Change> changes = new ArrayList<>();
    private final List<String> unbumped = new ArrayList<>();

    List<Change> changes() {
        return changes;
    }

    /** Contracts whose widening or breaking changes came without a version change. */
    List<String> unbumped() {
        return unbumped;
    }

    ContractDiff compare(ContractSet before, ContractSet after) {
        for (DataContract now : after.dataContracts()) {
            Optional<DataContract> then = before.dataContract(now.id());
            if (then.isEmpty()) {
                add(Change.Kind.WIDENING, now.id(), "", "new data contract");
            } else {
                int from = changes.size();
                data(then.get(), now);
                gate(now.id(), from, !then.get().version().equals(now.version()));
            }
        }
        before.dataContracts().stream()
                .filter(c -> after.dataContract(c.id()).isEmpty())
                .forEach(c -> add(Change.Kind.NARROWING, c.id(), "", "data contract removed"));
        for (EventContract now : after.eventContracts()) {
            Optional<EventContract> then = before.eventContract(now.domain());
            if (then.isEmpty()) {
                add(Change.Kind.WIDENING, now.domain(), "", "new AsyncAPI document");
            } else {
                int from = changes.size();
                new EventDiff(this, now.domain()).compare(then.get(), now);
                gate(now.domain(), from, !then.get().version().equals(now.version()));
            }
        }
        return this;
    }

    void add(Change.Kind kind, String contract, String path, String description) {
        changes.add(new Change(kind, contract, path, description));
    }

    private void gate(String contract, int from, boolean bumped) {
        boolean gated = changes.subList(from, changes.size()).stream()
                .anyMatch(c -> c.kind() == Change.Kind.WIDENING || c.kind() == Change.Kind.BREAKING);
        if (gated && !bumped) {
            unbumped.add(contract);
        }
    }

    private void data(DataContract then, DataContract now) {
        Set<String> consumers = new TreeSet<>(now.consumers());
        consumers.removeAll(then.consumers());
        consumers.forEach(c -> add(Change.Kind.WIDENING, now.id(), "consumers", "consumer " + c + " added"));
        then.consumers().stream()
                .filter(c -> !now.consumers().contains(c))
                .forEach(c -> add(Change.Kind.NARROWING, now.id(), "consumers", "consumer " + c + " removed"));
        if (then.keyId() != null && now.keyId() != null && !then.keyId().equals(now.keyId())) {
            add(Change.Kind.BREAKING, now.id(), "pseudonymize", "key id changed: every pseudonym changes");
        }
        for (DataContract.Table t : now.tables()) {
            Optional<DataContract.Table> old = then.table(t.physicalName());
            if (old.isEmpty()) {
                add(Change.Kind.WIDENING, now.id(), t.physicalName(), "table added");
            } else {
                columns(now.id(), old.get(), t);
            }
        }
        then.tables().stream()
                .filter(t -> now.table(t.physicalName()).isEmpty())
                .forEach(t -> add(Change.Kind.NARROWING, now.id(), t.physicalName(), "table removed"));
    }

    private void columns(String id, DataContract.Table then, DataContract.Table now) {
        for (DataContract.Column c : now.columns()) {
            String path = now.physicalName() + "." + c.name();
            Treatment before = then.columns().stream()
                    .filter(o -> o.name().equals(c.name()))
                    .findFirst()
                    .map(DataContract.Column::treatment)
                    .orElse(Treatment.WITHHOLD);
            if (c.treatment().compareTo(before) != 0) {
                Change.Kind kind = c.treatment().compareTo(before) > 0 ? Change.Kind.WIDENING : Change.Kind.NARROWING;
                add(kind, id, path, before.label() + " -> " + c.treatment().label());
            }
            then.columns().stream()
                    .filter(o -> o.name().equals(c.name())
                            && o.treatment().leaves()
                            && c.treatment().leaves())
                    .filter(o -> !o.emittedName().equals(c.emittedName()))
                    .forEach(o -> add(
                            Change.Kind.BREAKING,
                            id,
                            path,
                            "leaves as '" + c.emittedName() + "' instead of '" + o.emittedName() + "'"));
        }
        then.columns().stream()
                .filter(o -> o.treatment().leaves())
                .filter(o -> now.columns().stream().noneMatch(c -> c.name().equals(o.name())))
                .forEach(o -> add(
                        Change.Kind.NARROWING,
                        id,
                        now.physicalName() + "." + o.name(),
                        o.treatment().label() + " -> withheld"));
    }
}
