package io.domainbridge.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DomainBoundaryConfigTest {

    private static final String PASSWORD = PackagesTable.KEY;

    @Test
    void theFixtureContractIsValid() {
        assertThat(errorsByKey(PackagesTable.contract())).isEmpty();
        assertThatCode(() -> configure(PackagesTable.contract())).doesNotThrowAnyException();
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of("columns", "packages.id"),
                Arguments.of("columns", "public.packages.id.extra"),
                Arguments.of("columns", "public.packages.id,,public.packages.status"),
                Arguments.of("columns", "public.packages.id, "),
                Arguments.of("columns", "public.pack ages.id"),
                Arguments.of("mask.columns", "packages.recipient_phone"),
                Arguments.of("pseudonymize.columns", "a.b.c.d"),
                Arguments.of("renames", "public.packages.status"),
                Arguments.of("renames", "public.packages.status:"),
                Arguments.of("renames", "public.packages.status:delivery.status"),
                Arguments.of("renames", "public.packages.status:delivery:status"),
                Arguments.of("renames", "public.packages.status:delivery status"),
                Arguments.of("renames", "packages.status:delivery_status"),
                Arguments.of("renames", ":delivery_status"),
                Arguments.of("unlisted.table.behavior", "ignore"),
                Arguments.of("unlisted.table.behavior", ""),
                Arguments.of("contract.id", ""),
                Arguments.of("contract.version", ""));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("invalidValues")
    void invalidValueIsReportedOnItsKey(String key, String value) {
        Map<String, String> props = contract(key, value);

        assertThat(errorsByKey(props)).containsOnlyKeys(key);
        assertConfigError(props, key);
    }

    @Test
    void missingContractIdIsReportedOnItsKey() {
        Map<String, String> props = PackagesTable.contract();
        props.remove("contract.id");

        assertThat(errorsByKey(props)).containsOnlyKeys("contract.id");
        assertThatThrownBy(() -> configure(props))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("\"contract.id\"")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
    }

    @Test
    void unlistedTableBehaviorIgnoresCase() {
        assertThatCode(() -> configure(contract("unlisted.table.behavior", "FAIL")))
                .doesNotThrowAnyException();
    }

    @Test
    void columnBothMaskedAndPseudonymizedIsRejected() {
        Map<String, String> props = contract("mask.columns", "public.packages.recipient_email");

        assertConfigError(props, "pseudonymize.columns").hasMessageContaining("mask.columns");
    }

    @Test
    void columnBothSharedAndMaskedIsRejected() {
        Map<String, String> props = contract("mask.columns", "public.packages.recipient_phone,public.packages.id");

        assertConfigError(props, "mask.columns").hasMessageContaining("also listed in columns");
    }

    @Test
    void pseudonymizedColumnsNeedAKey() {
        Map<String, String> props = PackagesTable.contract();
        props.remove("pseudonymize.key.secret");

        assertConfigError(props, "pseudonymize.key.file").hasMessageContaining("pseudonymize.key.secret");
    }

    @Test
    void keyShorterThan32BytesIsRejectedWithoutShowingIt() {
        String shortKey = "k".repeat(31);
        Map<String, String> props = contract("pseudonymize.key.secret", shortKey);

        assertConfigError(props, "pseudonymize.key.secret").hasMessageNotContaining(shortKey);
    }

    @Test
    void keyLengthIsCountedInUtf8Bytes() {
        assertThatCode(() -> configure(contract("pseudonymize.key.secret", "k".repeat(32))))
                .doesNotThrowAnyException();
        assertThatCode(() -> configure(contract("pseudonymize.key.secret", "€".repeat(11))))
                .doesNotThrowAnyException();
    }

    @Test
    void pseudonymizedColumnsNeedAKeyId() {
        Map<String, String> props = PackagesTable.contract();
        props.remove("pseudonymize.key.id");

        assertConfigError(props, "pseudonymize.key.id");
        assertConfigError(contract("pseudonymize.key.id", " "), "pseudonymize.key.id");
    }

    @Test
    void keyIsNotNeededWithoutPseudonymizedColumns() {
        Map<String, String> props = contract("pseudonymize.columns", "");
        props.remove("pseudonymize.key.secret");
        props.remove("pseudonymize.key.id");

        assertThatCode(() -> configure(props)).doesNotThrowAnyException();
    }

    @Test
    void renameOfAnUnsharedColumnIsRejected() {
        assertConfigError(contract("renames", "public.packages.tracking_code:code"), "renames");
        assertConfigError(contract("renames", "public.returns.status:delivery_status"), "renames");
    }

    @Test
    void renameCollisionIsRejected() {
        assertConfigError(contract("renames", "public.packages.status:id"), "renames")
                .hasMessageContaining("'id'");
        assertConfigError(
                        contract("renames", "public.packages.status:state,public.packages.weight_grams:state"),
                        "renames")
                .hasMessageContaining("'state'");
        assertConfigError(contract("renames", "public.packages.status:state,public.packages.status:phase"), "renames");
    }

    @Test
    void sameOutputNameInDifferentTablesIsFine() {
        Map<String, String> props = contract("renames", "public.packages.status:city");

        assertThatCode(() -> configure(props)).doesNotThrowAnyException();
    }

    @Test
    void contractWithoutColumnsIsRejected() {
        Map<String, String> props = PackagesTable.contract();
        props.putAll(Map.of("columns", "", "mask.columns", "", "pseudonymize.columns", "", "renames", ""));

        assertConfigError(props, "columns");
    }

    @Test
    void everyKeyIsDefinedAndDocumented() {
        ConfigDef def = DomainBoundary.CONFIG_DEF;

        assertThat(def.names())
                .containsExactlyInAnyOrderElementsOf(
                        configConstants(DomainBoundaryConfig.class, PseudonymizationConfig.class));
        assertThat(def.configKeys().values()).allSatisfy(key -> {
            assertThat(key.documentation).as(key.name).isNotBlank();
            assertThat(key.displayName).as(key.name).isNotBlank();
            assertThat(key.group).as(key.name).isNotBlank();
        });
        assertThat(def.configKeys().get("pseudonymize.key.secret").type).isEqualTo(ConfigDef.Type.PASSWORD);
        assertThat(def.configKeys().get("pseudonymize.key").type).isEqualTo(ConfigDef.Type.PASSWORD);
    }

    private static Map<String, String> contract(String key, String value) {
        Map<String, String> props = PackagesTable.contract();
        props.put(key, value);
        return props;
    }

    private static void configure(Map<String, String> props) {
        DomainBoundary<SourceRecord> transform = new DomainBoundary.Value<>();
        try {
            transform.configure(props);
        } finally {
            transform.close();
        }
    }

    /** Asserts configure() fails on the key, without ever showing the pseudonymization key. */
    private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertConfigError(
            Map<String, String> props, String key) {
        return assertThatThrownBy(() -> configure(props))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(" for configuration " + key + ":")
                .hasMessageNotContaining(PASSWORD);
    }

    /** The error messages of ConfigDef.validate, by key, for keys that have errors. */
    private static Map<String, List<String>> errorsByKey(Map<String, String> props) {
        List<ConfigValue> values =
                new DomainBoundary.Value<SourceRecord>().config().validate(props);
        Map<String, List<String>> errors = new HashMap<>();
        for (ConfigValue value : values) {
            value.errorMessages().forEach(message -> assertThat(message).doesNotContain(PASSWORD));
            if (!value.errorMessages().isEmpty()) {
                errors.put(value.name(), value.errorMessages());
            }
        }
        return errors;
    }

    private static List<String> configConstants(Class<?>... configClasses) {
        return Arrays.stream(configClasses)
                .flatMap(configClass -> Arrays.stream(configClass.getDeclaredFields()))
                .filter(field -> Modifier.isPublic(field.getModifiers()) && Modifier.isStatic(field.getModifiers()))
                .filter(field -> field.getName().endsWith("_CONFIG"))
                .map(DomainBoundaryConfigTest::constantValue)
                .collect(Collectors.toList());
    }

    private static String constantValue(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
