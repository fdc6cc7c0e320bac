package io.domainbridge.transforms;

import io.domainbridge.transforms.boundary.ColumnRule;
import io.domainbridge.transforms.boundary.Contract;
import io.domainbridge.transforms.boundary.ContractParser;
import io.domainbridge.transforms.boundary.ContractParser.ColumnList;
import io.domainbridge.transforms.boundary.Pseudonymizer;
import io.domainbridge.transforms.boundary.QualifiedColumn;
import io.domainbridge.transforms.boundary.Treatment;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** The configuration of {@link DomainBoundary}: the data contract, column treatments and pseudonymization key. */
public final class DomainBoundaryConfig extends AbstractConfig {

    /** What happens to records of tables the contract does not list. */
    public enum UnlistedTableBehavior {
        DROP,
        FAIL;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What happens to a record key of which the contract withholds or masks some, not all, columns. */
    public enum PartialKeyBehavior {
        FAIL,
        ALLOW;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final String CONTRACT_ID_CONFIG = "contract.id";
    private static final String CONTRACT_ID_DOC = "Identifier of the data contract this boundary enforces. Stamped on"
            + " every record that leaves as header '" + DomainBoundary.CONTRACT_ID_HEADER + "'.";
    private static final String CONTRACT_ID_DISPLAY = "Contract id";

    public static final String CONTRACT_VERSION_CONFIG = "contract.version";
    private static final String CONTRACT_VERSION_DOC = "Version of the data contract. Stamped on every record that"
            + " leaves as header '" + DomainBoundary.CONTRACT_VERSION_HEADER + "'.";
    private static final String CONTRACT_VERSION_DISPLAY = "Contract version";

    public static final String COLUMNS_CONFIG = "columns";
    private static final String COLUMNS_DOC = "Columns that leave the domain unchanged, as schema.table.column"
            + " (for MySQL and MariaDB: database.table.column). Together with mask.columns and pseudonymize.columns"
            + " this is the whole contract: every other column and every table not named is withheld, including"
            + " columns added to the source later.";
    private static final String COLUMNS_DISPLAY = "Shared columns";

    public static final String MASK_COLUMNS_CONFIG = "mask.columns";
    private static final String MASK_COLUMNS_DOC = "Columns that leave the domain masked, as schema.table.column. The"
            + " column keeps its type; its value becomes null, or the zero value of its type (empty string, 0, false,"
            + " 1970-01-01, empty bytes) when the column is required.";
    private static final String MASK_COLUMNS_DISPLAY = "Masked columns";

    public static final String PSEUDONYMIZE_COLUMNS_CONFIG = "pseudonymize.columns";
    private static final String PSEUDONYMIZE_COLUMNS_DOC = "Columns that leave the domain pseudonymized, as"
            + " schema.table.column. The value becomes the HMAC-SHA-256 of its canonical text under"
            + " the key of pseudonymize.key.file or pseudonymize.key.secret, as a string of 64 lowercase hex"
            + " characters; equal values give equal pseudonyms, so joins still work. Strings, numbers, booleans, dates,"
            + " times, timestamps, bytes and Debezium's VariableScaleDecimal are supported; other structs, arrays and"
            + " maps are rejected.";
    private static final String PSEUDONYMIZE_COLUMNS_DISPLAY = "Pseudonymized columns";

    public static final String RENAMES_CONFIG = "renames";
    private static final String RENAMES_DOC = "Optional renames into the consuming domain's vocabulary, as"
            + " schema.table.column:new_name. Only shared columns can be renamed.";
    private static final String RENAMES_DISPLAY = "Renames";

    public static final String UNLISTED_TABLE_BEHAVIOR_CONFIG = "unlisted.table.behavior";
    public static final String UNLISTED_TABLE_BEHAVIOR_DEFAULT = UnlistedTableBehavior.DROP.toString();
    private static final String UNLISTED_TABLE_BEHAVIOR_DOC = "What happens to a record of a table the contract"
            + " does not list: 'drop' filters it out, 'fail' raises an error (the task fails, or the record goes to"
            + " the dead-letter queue when errors.tolerance=all).";
    private static final String UNLISTED_TABLE_BEHAVIOR_DISPLAY = "Unlisted tables";

    public static final String PARTIAL_KEY_BEHAVIOR_CONFIG = "partial.key.behavior";
    public static final String PARTIAL_KEY_BEHAVIOR_DEFAULT = PartialKeyBehavior.FAIL.toString();
    private static final String PARTIAL_KEY_BEHAVIOR_DOC = "What DomainBoundary$Key does with a key of which the"
            + " contract withholds or masks some columns: the key that leaves would no longer identify the row, so"
            + " distinct rows would share one key (and overwrite each other in a compacted topic). 'fail' raises an"
            + " error naming the table and the columns; 'allow' lets the reduced key leave. Pseudonymized key columns"
            + " still identify the row. A key with no identifying column at all always fails.";
    private static final String PARTIAL_KEY_BEHAVIOR_DISPLAY = "Partial keys";

    public static final String HEADERS_ALLOWED_CONFIG = "headers.allowed";
    private static final String HEADERS_ALLOWED_DOC = "Names of headers, besides Debezium's own, that may leave the"
            + " domain with a record, each only while it holds a primitive value. Every other header that is not"
            + " Debezium's is dropped: the boundary cannot tell whether it carries a column's value, which an earlier"
            + " transform may have copied into it. Debezium's key headers are filtered like the key.";
    private static final String HEADERS_ALLOWED_DISPLAY = "Headers allowed";

    private static final String CONTRACT_GROUP = "Contract";

    public static final ConfigDef CONFIG_DEF = config();

    private final Contract contract;

    public DomainBoundaryConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals);
        Map<QualifiedColumn, ColumnRule> rules = new ContractParser(RENAMES_CONFIG, getList(RENAMES_CONFIG))
                .parse(List.of(
                        new ColumnList(COLUMNS_CONFIG, getList(COLUMNS_CONFIG), Treatment.KEEP),
                        new ColumnList(MASK_COLUMNS_CONFIG, getList(MASK_COLUMNS_CONFIG), Treatment.MASK),
                        new ColumnList(
                                PSEUDONYMIZE_COLUMNS_CONFIG,
                                getList(PSEUDONYMIZE_COLUMNS_CONFIG),
                                Treatment.PSEUDONYMIZE)));
        this.contract = Contract.of(rules, pseudonymizer(rules));
    }

    public static ConfigDef config() {
        ConfigDef def = new ConfigDef();
        addContractGroup(def);
        PseudonymizationConfig.addGroup(def);
        return def;
    }

    public String contractId() {
        return getString(CONTRACT_ID_CONFIG);
    }

    public String contractVersion() {
        return getString(CONTRACT_VERSION_CONFIG);
    }

    public Contract contract() {
        return contract;
    }

    public String pseudonymizeKeyId() {
        return getString(PseudonymizationConfig.PSEUDONYMIZE_KEY_ID_CONFIG);
    }

    public UnlistedTableBehavior unlistedTableBehavior() {
        return UnlistedTableBehavior.valueOf(
                getString(UNLISTED_TABLE_BEHAVIOR_CONFIG).toUpperCase(Locale.ROOT));
    }

    private static void addContractGroup(ConfigDef def) {
        int order = 0;
        def.define(
                        CONTRACT_ID_CONFIG,
                        Type.STRING,
                        ConfigDef.NO_DEFAULT_VALUE,
                        new ConfigDef.NonEmptyString(),
                        Importance.HIGH,
                        CONTRACT_ID_DOC,
                        CONTRACT_GROUP,
                        ++order,
                        Width.MEDIUM,
                        CONTRACT_ID_DISPLAY)
                .define(
                        CONTRACT_VERSION_CONFIG,
                        Type.STRING,
                        ConfigDef.NO_DEFAULT_VALUE,
                        new ConfigDef.NonEmptyString(),
                        Importance.HIGH,
                        CONTRACT_VERSION_DOC,
                        CONTRACT_GROUP,
                        ++order,
                        Width.SHORT,
                        CONTRACT_VERSION_DISPLAY)
                .define(
                        COLUMNS_CONFIG,
                        Type.LIST,
                        "",
                        ContractValidators.QUALIFIED_COLUMNS,
                        Importance.HIGH,
                        COLUMNS_DOC,
                        CONTRACT_GROUP,
                        ++order,
                        Width.LONG,
                        COLUMNS_DISPLAY)
                .define(
                        MASK_COLUMNS_CONFIG,
                        Type.LIST,
                        "",
                        ContractValidators.QUALIFIED_COLUMNS,
                        Importance.MEDIUM,
                        MASK_COLUMNS_DOC,
                        CONTRACT_GROUP,
                        ++order,
                        Width.LONG,
                        MASK_COLUMNS_DISPLAY)
                .define(
                        PSEUDONYMIZE_COLUMNS_CONFIG,
                        Type.LIST,
                        "",
                        ContractValidators.QUALIFIED_COLUMNS,
                        Importance.MEDIUM,
                        PSEUDONYMIZE_COLUMNS_DOC,
                        CONTRACT_GROUP,
                        ++order,
                        Width.LONG,
                        PSEUDONYMIZE_COLUMNS_DISPLAY)
                .define(
                        RENAMES_CONFIG,
                        Type.LIST,
                        "",
                        ContractValidators.RENAMES,
                        Importance.LOW,
                        RENAMES_DOC,
                        CONTRACT_GROUP,
                        ++order,
                        Width.LONG,
                        RENAMES_DISPLAY)
                .define(
                        UNLISTED_TABLE_BEHAVIOR_CONFIG,
                        Type.STRING,
                        UNLISTED_TABLE_BEHAVIOR_DEFAULT,
                        ConfigDef.CaseInsensitiveValidString.in("drop", "fail"),
                        Importance.MEDIUM,
                        UNLISTED_TABLE_BEHAVIOR_DOC,
                        CONTRACT_GROUP,
                        ++order,
                        Width.SHORT,
                        UNLISTED_TABLE_BEHAVIOR_DISPLAY)
                .define(
                        PARTIAL_KEY_BEHAVIOR_CONFIG,
                        Type.STRING,
                        PARTIAL_KEY_BEHAVIOR_DEFAULT,
                        ConfigDef.CaseInsensitiveValidString.in("fail", "allow"),
                        Importance.MEDIUM,
                        PARTIAL_KEY_BEHAVIOR_DOC,
                        CONTRACT_GROUP,
                        ++order,
                        Width.SHORT,
                        PARTIAL_KEY_BEHAVIOR_DISPLAY)
                .define(
                        HEADERS_ALLOWED_CONFIG,
                        Type.LIST,
                        List.of(),
                        ContractValidators.HEADER_NAMES,
                        Importance.LOW,
                        HEADERS_ALLOWED_DOC,
                        CONTRACT_GROUP,
                        ++order,
                        Width.LONG,
                        HEADERS_ALLOWED_DISPLAY);
    }

    /** The headers, besides Debezium's own, that the contract lets leave. */
    public Set<String> headersAllowed() {
        return Set.copyOf(getList(HEADERS_ALLOWED_CONFIG));
    }

    public PartialKeyBehavior partialKeyBehavior() {
        return PartialKeyBehavior.valueOf(getString(PARTIAL_KEY_BEHAVIOR_CONFIG).toUpperCase(Locale.ROOT));
    }

    /** Every shared column with its treatment; a column named under two treatments is a configuration error. */
    private Pseudonymizer pseudonymizer(Map<QualifiedColumn, ColumnRule> rules) {
        if (rules.values().stream().noneMatch(rule -> rule.treatment() == Treatment.PSEUDONYMIZE)) {
            return null;
        }
        return PseudonymizationConfig.pseudonymizer(this);
    }
}
