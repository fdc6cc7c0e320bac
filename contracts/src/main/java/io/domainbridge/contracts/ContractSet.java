package io.domainbridge.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Every contract, event catalogue and bindings file of one run, read, validated and checked together. */
public record ContractSet(
        List<DataContract> dataContracts,
        List<EventContract> eventContracts,
        List<Bindings> bindings,
        Problems problems) {

    /** Reads the files (a directory stands for its {@code *.yaml} files), validates and checks them. */
    public static ContractSet load(List<Path> paths) {
        Problems problems = new Problems();
        SchemaValidation validation = new SchemaValidation();
        List<DataContract> data = new ArrayList<>();
        List<EventContract> events = new ArrayList<>();
        List<Bindings> bindings = new ArrayList<>();
        for (Path file : expand(paths, problems)) {
            Document doc = Document.read(file, problems);
            if (doc == null || !validation.validate(doc, problems)) {
                continue;
            }
            switch (doc.kind()) {
                case ODCS -> data.add(OdcsReader.read(doc));
                case ASYNCAPI -> events.add(AsyncApiReader.read(doc, problems));
                case BINDINGS -> bindings.add(Bindings.read(doc));
            }
        }
        ContractSet set = new ContractSet(List.copyOf(data), List.copyOf(events), List.copyOf(bindings), problems);
        new ContractChecks(set).run();
        new BindingChecks(set).run();
        return set;
    }

    public Optional<DataContract> dataContract(String id) {
        return dataContracts.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Optional<EventContract> eventContract(String domain) {
        return eventContracts.stream().filter(c -> c.domain().equals(domain)).findFirst();
    }

    /** Every declared version of an event type, across all producing domains. */
    public List<EventContract.Event> events(String type) {
        return eventContracts.stream().flatMap(c -> c.events(type).stream()).toList();
    }

    static List<Path> expand(List<Path> paths, Problems problems) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> list = Files.list(p)) {
                    list.filter(f -> f.toString().endsWith(".yaml")
                                    || f.toString().endsWith(".yml"))
                            .sorted()
                            .forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                problems.add(p, "", "no such file or directory");
            }
        }
        return files;
    }
}
