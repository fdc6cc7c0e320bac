package io.domainbridge.transforms;

import io.domainbridge.transforms.boundary.QualifiedColumn;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Validators for the column lists of a data contract. */
final class ContractValidators {

    /** Each entry is {@code schema.table.column}. */
    static final ConfigDef.Validator QUALIFIED_COLUMNS = new ConfigDef.Validator() {
        @Override
        public void ensureValid(String name, Object value) {
            for (Object entry : (List<?>) value) {
                if (!QualifiedColumn.isValid(entry.toString().trim())) {
                    throw new ConfigException(
                            name,
                            entry,
                            "expected schema.table.column (database.table.column" + " for MySQL and MariaDB)");
                }
            }
        }

        @Override
        public String toString() {
            return "list of schema.table.column";
        }
    };

    /** Each entry is {@code schema.table.column:new_name}. */
    static final ConfigDef.Validator RENAMES = new ConfigDef.Validator() {
        @Override
        public void ensureValid(String name, Object value) {
            for (Object entry : (List<?>) value) {
                String[] parts = entry.toString().trim().split(":", -1);
                boolean valid = parts.length == 2 && QualifiedColumn.isValid(parts[0]) && parts[1].matches("[^.:\\s]+");
                if (!valid) {
                    throw new ConfigException(name, entry, "expected schema.table.column:new_name");
                }
            }
        }

        @Override
        public String toString() {
            return "list of schema.table.column:new_name";
        }
    };

    /** Header names other than Debezium's: its {@code __} headers follow the boundary's own rules. */
    static final ConfigDef.Validator HEADER_NAMES = new ConfigDef.Validator() {
        @Override
        public void ensureValid(String name, Object value) {
            for (Object entry : (List<?>) value) {
                String header = entry.toString().trim();
                if (header.isEmpty() || header.startsWith("__")) {
                    throw new ConfigException(
                            name,
                            entry,
                            "expected a header name not starting with '__' (Debezium's headers follow the"
                                    + " boundary's own rules)");
                }
            }
        }

        @Override
        public String toString() {
            return "list of header names not starting with __";
        }
    };

    private ContractValidators() {}
}
