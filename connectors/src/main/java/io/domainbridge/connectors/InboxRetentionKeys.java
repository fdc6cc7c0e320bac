package io.domainbridge.connectors;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/** The command sink's keys of inbox retention, a group of {@link CommandSinkConfig}. */
public final class InboxRetentionKeys {

    public static final String INBOX_RETENTION_MS_CONFIG = "inbox.retention.ms";
    public static final long INBOX_RETENTION_MS_DEFAULT = -1L;
    private static final String INBOX_RETENTION_MS_DOC = "Age after which an inbox row is deleted, by the database's"
            + " clock; -1 keeps every row forever. The inbox then holds about the events of one retention period. A"
            + " record redelivered at its own offset is skipped by the stored offsets whatever its age; an event"
            + " re-published at a new offset later than this is no longer recognized as a duplicate, so keep it longer"
            + " than any upstream replay can reach back.";

    public static final String INBOX_RETENTION_BATCH_SIZE_CONFIG = "inbox.retention.batch.size";
    public static final int INBOX_RETENTION_BATCH_SIZE_DEFAULT = 1000;
    private static final String INBOX_RETENTION_BATCH_SIZE_DOC = "Most inbox rows deleted in one transaction, oldest"
            + " first. While a chunk comes back full, the next one runs after the next batch; keep it at least as large"
            + " as the events of a batch so that pruning keeps up.";

    public static final String INBOX_RETENTION_INTERVAL_MS_CONFIG = "inbox.retention.interval.ms";
    public static final long INBOX_RETENTION_INTERVAL_MS_DEFAULT = 60_000L;
    private static final String INBOX_RETENTION_INTERVAL_MS_DOC = "Least time between two deletions of expired inbox"
            + " rows, once the backlog is gone. A deletion runs after a committed batch, never inside its"
            + " transaction.";

    private static final String GROUP = "Inbox retention";

    static final ConfigDef.Validator RETENTION = new ConfigDef.Validator() {
        @Override
        public void ensureValid(String name, Object value) {
            long ms = value == null ? 0 : (Long) value;
            if (ms != -1 && ms <= 0) {
                throw new ConfigException(name, value, "expected -1 (keep forever) or a positive number of ms");
            }
            if (ms > Long.MAX_VALUE / 1000) {
                throw new ConfigException(name, value, "too long to express in microseconds");
            }
        }

        @Override
        public String toString() {
            return "-1 (keep forever) or a positive number of ms";
        }
    };

    private InboxRetentionKeys() {}

    static void addRetentionGroup(ConfigDef def) {
        int order = 0;
        def.define(
                        INBOX_RETENTION_MS_CONFIG,
                        Type.LONG,
                        INBOX_RETENTION_MS_DEFAULT,
                        RETENTION,
                        Importance.MEDIUM,
                        INBOX_RETENTION_MS_DOC,
                        GROUP,
                        ++order,
                        Width.SHORT,
                        "Inbox retention (ms)")
                .define(
                        INBOX_RETENTION_BATCH_SIZE_CONFIG,
                        Type.INT,
                        INBOX_RETENTION_BATCH_SIZE_DEFAULT,
                        ConfigDef.Range.between(1, 100_000),
                        Importance.LOW,
                        INBOX_RETENTION_BATCH_SIZE_DOC,
                        GROUP,
                        ++order,
                        Width.SHORT,
                        "Inbox retention chunk")
                .define(
                        INBOX_RETENTION_INTERVAL_MS_CONFIG,
                        Type.LONG,
                        INBOX_RETENTION_INTERVAL_MS_DEFAULT,
                        ConfigDef.Range.atLeast(0),
                        Importance.LOW,
                        INBOX_RETENTION_INTERVAL_MS_DOC,
                        GROUP,
                        ++order,
                        Width.SHORT,
                        "Inbox retention interval (ms)");
    }
}
