package io.domainbridge.contracts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The scenario folders under {@code connect-configs/}: those with a {@code contracts/} folder. */
final class Scenarios {

    static final String CONTRACTS = "contracts";

    private Scenarios() {}

    static List<Path> list(Path root) throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> Files.isDirectory(d.resolve(CONTRACTS)))
                    .sorted()
                    .toList();
        }
    }
}
