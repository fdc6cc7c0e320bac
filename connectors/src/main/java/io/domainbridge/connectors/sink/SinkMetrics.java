package io.domainbridge.connectors.sink;

/**
 * What the sink reports about the batches it committed. Without a metrics registry (a worker older than Kafka 4.1,
 * or a context that offers none) every report is dropped.
 */
public interface SinkMetrics {

    /** Reports nothing. */
    SinkMetrics NONE = new SinkMetrics() {
        @Override
        public void committed(BatchApplier.Outcome outcome, int records, long latencyNanos) {}

        @Override
        public void committedNothing() {}

        @Override
        public void retried() {}
    };

    /** A transaction applied a batch of {@code records} and committed after {@code latencyNanos}. */
    void committed(BatchApplier.Outcome outcome, int records, long latencyNanos);

    /** A transaction that applied no record (all were rewound to stored offsets) committed. */
    void committedNothing();

    /** A transient database error made Connect redeliver the batch. */
    void retried();
}
