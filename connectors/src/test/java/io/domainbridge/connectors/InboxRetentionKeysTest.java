package io.domainbridge.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InboxRetentionKeysTest {

    @Test
    void retentionIsOffByDefault() {
        CommandSinkConfig config = new CommandSinkConfig(Fixtures.config());
        assertThat(config.inboxRetentionMs()).isEqualTo(-1L);
        assertThat(config.inboxRetentionBatchSize()).isEqualTo(1000);
        assertThat(config.inboxRetentionIntervalMs()).isEqualTo(60_000L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-2", "9223372036854775807"})
    void aRetentionThatIsNeitherOffNorAPositiveAgeIsRefusedNamingTheKey(String value) {
        Map<String, String> props = Fixtures.config();
        props.put(InboxRetentionKeys.INBOX_RETENTION_MS_CONFIG, value);
        assertThatThrownBy(() -> new CommandSinkConfig(props))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(InboxRetentionKeys.INBOX_RETENTION_MS_CONFIG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "100001"})
    void aChunkOutOfRangeIsRefusedNamingTheKey(String value) {
        Map<String, String> props = Fixtures.config();
        props.put(InboxRetentionKeys.INBOX_RETENTION_BATCH_SIZE_CONFIG, value);
        assertThatThrownBy(() -> new CommandSinkConfig(props))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(InboxRetentionKeys.INBOX_RETENTION_BATCH_SIZE_CONFIG);
    }

    @Test
    void aPositiveRetentionIsTakenInMilliseconds() {
        Map<String, String> props = Fixtures.config();
        props.put(InboxRetentionKeys.INBOX_RETENTION_MS_CONFIG, "604800000");
        assertThat(new CommandSinkConfig(props).inboxRetentionMs()).isEqualTo(604_800_000L);
    }
}
