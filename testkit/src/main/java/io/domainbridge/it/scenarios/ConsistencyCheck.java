package io.domainbridge.it.scenarios;

/**
 * A consumer table compared with what the source state and the contract say it must hold: both queries return rows
 * in the same order, compared column by column as text.
 */
public record ConsistencyCheck(String description, String consumerDomain, String consumerQuery, String sourceQuery) {}
