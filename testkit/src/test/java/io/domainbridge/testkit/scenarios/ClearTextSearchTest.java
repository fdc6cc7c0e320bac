package io.domainbridge.testkit.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClearTextSearchTest {

    private final ClearTextSearch search = new ClearTextSearch(
            List.of("Recipient Nr 12", "Recipient Nr 123", "recipient12@example.org", "+31", "abc"));

    @Test
    void findsEveryValueThatOccursAnywhereInTheText() {
        assertThat(search.foundIn("{\"name\":\"Recipient Nr 123\",\"mail\":\"xrecipient12@example.org\"}"))
                .containsExactlyInAnyOrder("Recipient Nr 12", "Recipient Nr 123", "recipient12@example.org");
    }

    @Test
    void findsShortValuesToo() {
        assertThat(search.foundIn("phone +31 6")).containsExactly("+31");
    }

    @Test
    void findsNothingInATextWithoutTheValues() {
        assertThat(search.foundIn("{\"name\":\"Recipient Nr 1\",\"location\":\"Recipient address\"}"))
                .isEmpty();
    }

    @Test
    void findsAValueAtTheVeryEndOfTheText() {
        assertThat(search.foundIn("ends with Recipient Nr 12")).containsExactly("Recipient Nr 12");
    }
}
