package io.domainbridge.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MappingReferenceTest {

    @Test
    void documentsExactlyTheKeysTheParserReads() {
        assertThat(MappingReference.CONFIG_DEF.names()).containsExactlyInAnyOrderElementsOf(MappingParser.KEYS);
    }
}
