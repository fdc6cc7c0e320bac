package io.domainbridge.converters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.domainbridge.converters.avro.SubjectNameStrategy;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class CloudEventsConverterConfigTest {

    @Test
    void definesAndDocumentsEveryKey() throws IllegalAccessException {
        List<String> constants = Arrays.stream(CloudEventsConverterConfig.class.getDeclaredFields())
                .filter(f -> Modifier.isPublic(f.getModifiers()) && f.getName().endsWith("_CONFIG"))
                .map(CloudEventsConverterConfigTest::value)
                .toList();

        assertThat(CloudEventsConverterConfig.CONFIG_DEF.names()).containsAll(constants);
        for (ConfigDef.ConfigKey key :
                CloudEventsConverterConfig.CONFIG_DEF.configKeys().values()) {
            assertThat(key.documentation).as(key.name).isNotBlank();
        }
        assertThat(new CloudEventsConverter().config()).isSameAs(CloudEventsConverterConfig.CONFIG_DEF);
    }

    @Test
    void defaultsToBinaryJsonWithSchemas() {
        CloudEventsConverterConfig config = new CloudEventsConverterConfig(Map.of("converter.type", "value"));

        assertThat(config.mode()).isEqualTo(ContentMode.BINARY);
        assertThat(config.dataEncoding()).isEqualTo(DataEncoding.JSON);
        assertThat(config.jsonSchemasEnabled()).isTrue();
        assertThat(config.schemaRegistry()).isNull();
        assertThat(config.subjectNameStrategy()).isEqualTo(SubjectNameStrategy.TOPIC);
        assertThat(config.avroSchemas()).isEmpty();
        assertThat(config.passthroughConverter()).isNull();
    }

    @Test
    void parsesEnumsCaseInsensitively() {
        CloudEventsConverterConfig config = new CloudEventsConverterConfig(Map.of(
                "converter.type",
                "value",
                "cloudevents.mode",
                "Structured",
                "data.encoding",
                "AVRO",
                "schema.registry.subject.strategy",
                "topic-type"));

        assertThat(config.mode()).isEqualTo(ContentMode.STRUCTURED);
        assertThat(config.dataEncoding()).isEqualTo(DataEncoding.AVRO);
        assertThat(config.subjectNameStrategy()).isEqualTo(SubjectNameStrategy.TOPIC_TYPE);
    }

    @Test
    void rejectsARegistryUrlWithoutRepeatingIt() {
        assertThatThrownBy(() -> new CloudEventsConverterConfig(
                        Map.of("converter.type", "value", "schema.registry.url", "ftp://user:secret@host")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url")
                .hasMessageNotContaining("secret");
    }

    @Test
    void rejectsAnAvroSchemaNamingAnUnknownType() {
        assertThatThrownBy(() ->
                        new CloudEventsConverterConfig(Map.of("converter.type", "value", "avro.schemas", "\"nope\"")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("avro.schemas");
    }

    @Test
    void rejectsAvroSchemasThatDoNotParse() {
        assertThatThrownBy(() -> new CloudEventsConverterConfig(
                        Map.of("converter.type", "value", "avro.schemas", "{\"type\":\"record\"}")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("avro.schemas");
    }

    @Test
    void acceptsOneAvroSchemaOrAnArray() {
        String one = "{\"type\":\"record\",\"name\":\"A\",\"fields\":[]}";
        String two =
                "[" + one + ",{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}]";

        assertThat(new CloudEventsConverterConfig(Map.of("converter.type", "value", "avro.schemas", one)).avroSchemas())
                .hasSize(1);
        assertThat(new CloudEventsConverterConfig(Map.of("converter.type", "value", "avro.schemas", two)).avroSchemas())
                .hasSize(2);
    }

    @Test
    void rejectsAPassthroughThatIsNoConverter() {
        assertThatThrownBy(() -> new CloudEventsConverterConfig(
                        Map.of("converter.type", "value", "passthrough.converter", String.class.getName())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("passthrough.converter");
    }

    @Test
    void listsThePluginForServiceLoading() {
        var converters = java.util.ServiceLoader.load(org.apache.kafka.connect.storage.Converter.class).stream()
                .map(p -> p.type().getName())
                .toList();
        var headerConverters =
                java.util.ServiceLoader.load(org.apache.kafka.connect.storage.HeaderConverter.class).stream()
                        .map(p -> p.type().getName())
                        .toList();

        assertThat(converters).contains(CloudEventsConverter.class.getName());
        assertThat(headerConverters).contains(CloudEventsConverter.class.getName());
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
