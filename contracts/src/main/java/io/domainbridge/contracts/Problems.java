package io.domainbridge.contracts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a run, so that one run lists all of them. */
public final class Problems {

    private final List<ContractError> errors = new ArrayList<>();

    public void add(Path file, String path, String reason) {
        errors.add(new ContractError(String.valueOf(file), path, reason));
    }

    public List<ContractError> errors() {
        return List.copyOf(errors);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }
}
