package io.domainbridge.testkit.scenarios;

/**
 * A consumer table compared with what the source state and the contract say it must hold: both queries return rows
 * in the same order, compared column by column as PostgreSQL's text of each value. The text is canonical only for
 * the same type on both sides (a {@code numeric} keeps its scale, a {@code timestamptz} is its instant in the session
 * time zone), so a replicated column has the source column's type and the comparison is exact; an unconstrained
 * {@code numeric}, whose trailing zeros Debezium drops, is compared by its value ({@code trim_scale}).
 */
public record ConsistencyCheck(String description, String consumerDomain, String consumerQuery, String sourceQuery) {}
