package io.domainbridge.connectors;

import io.domainbridge.connectors.sink.Dialect;
import io.domainbridge.connectors.sink.Identifiers;
import io.domainbridge.connectors.sink.UnmatchedBehavior;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Named validators of the command sink's keys. */
final class SinkValidators {

    static final ConfigDef.Validator JDBC_URL = new ConfigDef.Validator() {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null || Dialect.forUrl((String) value).isEmpty()) {
                throw new ConfigException(name, value, "expected jdbc:postgresql://, jdbc:mariadb:// or jdbc:mysql://");
            }
        }

        @Override
        public String toString() {
            return "jdbc:postgresql://..., jdbc:mariadb://..., jdbc:mysql://...";
        }
    };

    static final ConfigDef.Validator ALIASES = new ConfigDef.Validator() {
        @Override
        public void ensureValid(String name, Object value) {
            // called with null when the key is missing: ConfigDef reports that, but the validator must not throw NPE
            List<?> aliases = value == null ? List.of() : (List<?>) value;
            if (aliases.isEmpty()) {
                throw new ConfigException(name, value, "declare at least one mapping");
            }
            Set<String> seen = new HashSet<>();
            for (Object alias : aliases) {
                String text = alias.toString().trim();
                if (!text.matches("[A-Za-z0-9_-]+") || !seen.add(text)) {
                    throw new ConfigException(name, alias, "aliases are unique words of letters, digits, _ and -");
                }
            }
        }

        @Override
        public String toString() {
            return "non-empty list of unique aliases";
        }
    };

    static final ConfigDef.Validator UNMATCHED = new ConfigDef.Validator() {
        @Override
        public void ensureValid(String name, Object value) {
            try {
                UnmatchedBehavior.parse((String) value);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "fail, skip, dead-letter";
        }
    };

    static final ConfigDef.Validator IDENTIFIER = new ConfigDef.Validator() {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null || !Identifiers.isValid((String) value)) {
                throw new ConfigException(name, value, "expected table or schema.table");
            }
        }

        @Override
        public String toString() {
            return "table or schema.table";
        }
    };

    private SinkValidators() {}
}
