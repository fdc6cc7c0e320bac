package io.domainbridge.contracts;

/** One difference between two versions of a contract, and what kind of change it is. */
public record Change(Kind kind, String contract, String path, String description) {

    /** From harmless to most consequential. */
    public enum Kind {
        /** Less leaves the domain. */
        NARROWING,
        /** Readers of the old payload read the new one: an optional field added. */
        PAYLOAD_COMPATIBLE,
        /** More leaves the domain: a column, table, consumer or event added, or a treatment relaxed. */
        WIDENING,
        /** Consumers break: a field removed or retyped, a required field added, a column renamed. */
        BREAKING
    }
}
