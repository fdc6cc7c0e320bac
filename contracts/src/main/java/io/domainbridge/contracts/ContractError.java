package io.domainbridge.contracts;

/** One problem found in a contract file: the file, a JSON pointer inside it and why it is wrong. */
public record ContractError(String file, String path, String reason) {

    @Override
    public String toString() {
        return file + ": " + (path.isEmpty() ? "/" : path) + ": " + reason;
    }
}
