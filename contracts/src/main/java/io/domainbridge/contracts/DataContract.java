package io.domainbridge.contracts;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A replicated dataset as an ODCS document describes it, with our treatment of each column. Columns the contract
 * does not list, and tables it does not list, are withheld. The pseudonymization key is named by {@code keyFile} (a
 * path on the workers, preferred) or {@code keySecret} (a reference to a secret resolved into the config), never
 * given.
 */
public record DataContract(
        Path file,
        String id,
        String version,
        String domain,
        List<String> consumers,
        String deletePolicy,
        String keyFile,
        String keySecret,
        String keyId,
        String unlistedTables,
        Path sourceSql,
        List<Table> tables) {

    /** One shared table, by its physical name (schema.table), and the topic it is replicated to. */
    public record Table(String name, String physicalName, String topic, String path, List<Column> columns) {

        public Optional<Column> emitting(String field) {
            return columns.stream()
                    .filter(c -> c.treatment().leaves() && c.emittedName().equals(field))
                    .findFirst();
        }
    }

    /** One column and its treatment; {@code rename} is null when it leaves under its own name. */
    public record Column(
            String name,
            Treatment treatment,
            String rename,
            boolean primaryKey,
            String classification,
            String physicalType,
            String path) {

        public String emittedName() {
            return rename == null ? name : rename;
        }
    }

    public Optional<Table> table(String physicalName) {
        return tables.stream()
                .filter(t -> t.physicalName().equals(physicalName))
                .findFirst();
    }

    public boolean pseudonymizes() {
        return tables.stream()
                .flatMap(t -> t.columns().stream())
                .anyMatch(c -> c.treatment() == Treatment.PSEUDONYMIZE);
    }
}
