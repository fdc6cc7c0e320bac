package io.domainbridge.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.source.SourceRecord;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandEventEnvelopeConfigTest {

    @Test
    void theFixtureConfigurationIsValid() {
        assertThat(errorsByKey(OutboxTable.config())).isEmpty();
        assertThatCode(() -> configure(OutboxTable.config())).doesNotThrowAnyException();
    }

    @Test
    void theExampleConnectorConfigurationIsValid() throws IOException {
        JsonNode connector = new ObjectMapper()
                .readTree(Path.of("../connect-configs/shipping/logistics-outbox-source.json")
                        .toFile());
        Map<String, String> props = new HashMap<>();
        connector.fields().forEachRemaining(entry -> {
            if (entry.getKey().startsWith("transforms.envelope.")
                    && !entry.getKey().endsWith(".type")) {
                props.put(
                        entry.getKey().substring("transforms.envelope.".length()),
                        entry.getValue().asText());
            }
        });

        assertThat(props).containsKey("dead.letter.topic");
        assertThat(errorsByKey(props)).isEmpty();
        assertThatCode(() -> configure(props)).doesNotThrowAnyException();
    }

    @Test
    void everyOptionalKeyHasAWorkingDefault() {
        assertThatCode(() -> configure(Map.of("source.domain", "logistics"))).doesNotThrowAnyException();
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of("data.schemas", "PackageStatusChanged{packageId:int65}"),
                Arguments.of("data.schemas", "PackageStatusChanged{packageId:int64"),
                Arguments.of("data.schemas", "PackageStatusChanged packageId:int64}"),
                Arguments.of("data.schemas", "PackageStatusChanged{packageId int64}"),
                Arguments.of("data.schemas", "PackageStatusChanged{packageId:int64}; PackageStatusChanged{x:string}"),
                Arguments.of("data.schemas", "A@1{a:string}; A@1{a:int32}"),
                Arguments.of("data.schemas", "A{a:string, a:int32}"),
                Arguments.of("data.schemas", "A{}"),
                Arguments.of("data.schemas", "A@{a:string}"),
                Arguments.of("data.schemas", "A@99999999999{a:string}"),
                Arguments.of("data.schemas", "A{a:decimal(10)}"),
                Arguments.of("data.schemas", "A{a:[string}"),
                Arguments.of("data.schemas", "A{a:{b:string}"),
                Arguments.of("data.schemas", "A{a:string} B{b:string}"),
                Arguments.of("data.schemas", "A{a:string};;B{b:string}"),
                Arguments.of("topic.pattern", "${domain}.${aggregatetype}.events"),
                Arguments.of("topic.pattern", "${sourcedomain}.${aggregatetype.events"),
                Arguments.of("topic.pattern", ""),
                Arguments.of("topic.pattern", "bad topic ${aggregatetype}"),
                Arguments.of("topic.pattern", "${sourcedomain}/${aggregatetype}"),
                Arguments.of("topic.pattern", "   "),
                Arguments.of("source.pattern", "/${sourcedomain}/${aggregateid}"),
                Arguments.of("source.pattern", "/${sourcedomain"),
                Arguments.of("source.pattern", ""),
                Arguments.of("update.behavior", "ignore"),
                Arguments.of("update.behavior", ""),
                Arguments.of("delete.behavior", "drop"),
                Arguments.of("undeclared.event.behavior", "drop"),
                Arguments.of("undeclared.event.behavior", "warn"),
                Arguments.of("extra.fields.behavior", "ignore"),
                Arguments.of("extra.fields.behavior", "warn"),
                Arguments.of("source.domain", ""),
                Arguments.of("source.domain", "  "),
                Arguments.of("outbox.column.event.id", ""),
                Arguments.of("outbox.column.event.id", "  "),
                Arguments.of("outbox.column.aggregate.type", ""),
                Arguments.of("outbox.column.aggregate.id", " "),
                Arguments.of("outbox.column.event.type", ""),
                Arguments.of("outbox.column.command.id", ""),
                Arguments.of("outbox.column.correlation.id", ""),
                Arguments.of("outbox.column.causation.id", ""),
                Arguments.of("outbox.column.occurred.at", ""),
                Arguments.of("outbox.column.schema.version", " "),
                Arguments.of("outbox.column.payload", ""));
    }

    @ParameterizedTest(name = "{0}=''{1}''")
    @MethodSource("invalidValues")
    void invalidValueIsReportedOnItsKey(String key, String value) {
        Map<String, String> props = config(key, value);

        assertThat(errorsByKey(props)).containsOnlyKeys(key);
        assertConfigError(props, key);
    }

    @Test
    void malformedDeclarationSaysWhere() {
        assertConfigError(config("data.schemas", "A{a:strin}"), "data.schemas")
                .hasMessageContaining("unknown type 'strin'")
                .hasMessageContaining("position");
        assertConfigError(config("data.schemas", "A{a:string}; A{b:string}"), "data.schemas")
                .hasMessageContaining("declared twice");
    }

    @Test
    void unknownPatternVariableIsNamed() {
        assertConfigError(config("topic.pattern", "${sourcedomain}.${aggregateid}"), "topic.pattern")
                .hasMessageContaining("${aggregateid}");
    }

    @Test
    void missingSourceDomainIsReportedOnItsKey() {
        Map<String, String> props = OutboxTable.config();
        props.remove("source.domain");

        assertThat(errorsByKey(props)).containsOnlyKeys("source.domain");
        assertThatThrownBy(() -> configure(props))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("\"source.domain\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"update.behavior", "delete.behavior"})
    void changeBehaviorsIgnoreCase(String key) {
        for (String value : List.of("SKIP", "Warn", "fail")) {
            assertThatCode(() -> configure(config(key, value))).doesNotThrowAnyException();
        }
    }

    @Test
    void eventBehaviorsIgnoreCase() {
        assertThatCode(() -> configure(config("undeclared.event.behavior", "INFER")))
                .doesNotThrowAnyException();
        assertThatCode(() -> configure(config("extra.fields.behavior", "Fail"))).doesNotThrowAnyException();
    }

    @Test
    void declarationsMayUseEveryDocumentedTypeAndSpacing() {
        String declarations = "  A@3 { s:string, i:int32?, l:int64, f:float32, d:float64?, b:boolean, y:bytes,"
                + " day:date, at:timestamp?, m:decimal(12,4)?, n:{ x:string, deep:{z:int32}? }?, list:[int64]?,"
                + " rows:[{k:string}], matrix:[[float64]] } ;\n"
                + " B.v2-beta{x:STRING};";

        assertThat(errorsByKey(config("data.schemas", declarations))).isEmpty();
        assertThatCode(() -> configure(config("data.schemas", declarations))).doesNotThrowAnyException();
    }

    @Test
    void emptyDeclarationsAreValid() {
        assertThat(errorsByKey(config("data.schemas", ""))).isEmpty();
        assertThat(errorsByKey(config("data.schemas", "  "))).isEmpty();
    }

    @Test
    void everyKeyIsDefinedAndDocumented() {
        ConfigDef def = CommandEventEnvelope.CONFIG_DEF;

        assertThat(def.names()).containsExactlyInAnyOrderElementsOf(configConstants());
        assertThat(def.configKeys().values()).allSatisfy(key -> {
            assertThat(key.documentation).as(key.name).isNotBlank();
            assertThat(key.displayName).as(key.name).isNotBlank();
            assertThat(key.group).as(key.name).isNotBlank();
        });
        assertThat(new CommandEventEnvelope<SourceRecord>().config()).isSameAs(def);
    }

    private static Map<String, String> config(String key, String value) {
        Map<String, String> props = OutboxTable.config();
        props.put(key, value);
        return props;
    }

    private static void configure(Map<String, String> props) {
        CommandEventEnvelope<SourceRecord> transform = new CommandEventEnvelope<>();
        try {
            transform.configure(props);
        } finally {
            transform.close();
        }
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertConfigError(
            Map<String, String> props, String key) {
        return assertThatThrownBy(() -> configure(props))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(" for configuration " + key + ":");
    }

    /** The error messages of ConfigDef.validate, by key, for keys that have errors. */
    private static Map<String, List<String>> errorsByKey(Map<String, String> props) {
        List<ConfigValue> values =
                new CommandEventEnvelope<SourceRecord>().config().validate(props);
        Map<String, List<String>> errors = new HashMap<>();
        for (ConfigValue value : values) {
            if (!value.errorMessages().isEmpty()) {
                errors.put(value.name(), value.errorMessages());
            }
        }
        return errors;
    }

    private static List<String> configConstants() {
        return Arrays.stream(CommandEventEnvelopeConfig.class.getDeclaredFields())
                .filter(field -> Modifier.isPublic(field.getModifiers()) && Modifier.isStatic(field.getModifiers()))
                .filter(field -> field.getName().endsWith("_CONFIG"))
                .map(CommandEventEnvelopeConfigTest::constantValue)
                .toList();
    }

    private static String constantValue(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
