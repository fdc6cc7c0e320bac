package io.domainbridge.tools.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The pages committed in {@code docs/reference/} are the ones the code renders today. */
class CommittedReferenceTest {

    private static final Path COMMITTED = Path.of(System.getProperty("domainbridge.reference.committed"));

    static Stream<ReferencePage> pages() {
        return ConfigReference.PAGES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void committedPageIsCurrent(ReferencePage page) throws IOException {
        Path committed = COMMITTED.resolve(page.file());
        assertThat(committed)
                .as("docs/reference/%s exists; run scripts/update-reference.sh", page.file())
                .exists();
        assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                .as("docs/reference/%s is stale; run scripts/update-reference.sh", page.file())
                .isEqualTo(ConfigReference.render(page));
    }

    @Test
    void everyCommittedPageIsRendered() throws IOException {
        try (Stream<Path> files = Files.list(COMMITTED)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("README.md")))
                    .as("pages in docs/reference/ that no ConfigDef renders any more")
                    .containsExactlyInAnyOrderElementsOf(ConfigReference.PAGES.stream()
                            .map(ReferencePage::file)
                            .toList());
        }
    }
}
