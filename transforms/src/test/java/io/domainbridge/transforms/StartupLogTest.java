package io.domainbridge.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each transform says at start, in one INFO line, what it will do: names and counts, never keys or values. */
class StartupLogTest {

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getLevel() + " " + new SimpleFormatter().formatMessage(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private final Logger boundaryLog = Logger.getLogger(DomainBoundary.class.getName());
    private final Logger envelopeLog = Logger.getLogger(CommandEventEnvelope.class.getName());

    @AfterEach
    void detach() {
        boundaryLog.removeHandler(capture);
        envelopeLog.removeHandler(capture);
    }

    @Test
    void domainBoundarySummarisesTheContractWithoutTheKey() {
        boundaryLog.addHandler(capture);
        try (DomainBoundary<SourceRecord> transform = new DomainBoundary.Value<>()) {
            transform.configure(PackagesTable.contract());
        }

        String line = onlyInfoLine();
        assertThat(line)
                .contains("'" + PackagesTable.CONTRACT_ID + "'", "'" + PackagesTable.CONTRACT_VERSION + "'")
                .contains("2 table(s)")
                .contains("public.depots (2 shared: 2 as they are, 0 masked, 0 pseudonymized)")
                .contains("public.packages (5 shared: 3 as they are, 1 masked, 1 pseudonymized)")
                .contains("unlisted tables: drop", "outside the contract: fail", PackagesTable.KEY_ID)
                .doesNotContain(PackagesTable.KEY);
    }

    @Test
    void domainBoundaryNamesNeitherTheKeyFileNorItsContent(@TempDir Path dir) throws IOException {
        Path keyFile = dir.resolve("boundary-key-material.txt");
        Files.writeString(keyFile, PackagesTable.KEY, StandardCharsets.UTF_8);
        Map<String, String> props = PackagesTable.contract();
        props.remove("pseudonymize.key.secret");
        props.put("pseudonymize.key.file", keyFile.toString());
        boundaryLog.addHandler(capture);
        try (DomainBoundary<SourceRecord> transform = new DomainBoundary.Value<>()) {
            transform.configure(props);
        }

        assertThat(onlyInfoLine())
                .contains("public.packages")
                .doesNotContain(PackagesTable.KEY, "boundary-key-material", dir.toString());
    }

    @Test
    void commandEventEnvelopeSummarisesEventKindsAndRouting() {
        Map<String, String> props = OutboxTable.config();
        props.put("dead.letter.topic", "logistics.outbox.dead-letters");
        envelopeLog.addHandler(capture);
        try (CommandEventEnvelope<SourceRecord> transform = new CommandEventEnvelope<>()) {
            transform.configure(props);
        }

        assertThat(onlyInfoLine())
                .contains("'" + OutboxTable.DOMAIN + "'")
                .contains("2 declared event kind(s) [PackageRegistered, PackageStatusChanged@1]")
                .contains("undeclared types rejected")
                .contains("topic pattern '", "source pattern '/${sourcedomain}/${aggregatetype}'")
                .contains("'logistics.outbox.dead-letters'");
    }

    private String onlyInfoLine() {
        List<String> info = logged.stream()
                .filter(line -> line.startsWith(Level.INFO + " "))
                .toList();
        assertThat(info).hasSize(1);
        return info.get(0);
    }
}
