package io.domainbridge.transforms.boundary;

/**
 * How one shared column leaves the domain.
 *
 * @param outputName the name the consuming domain sees
 * @param treatment what happens to the value
 */
public record ColumnRule(String outputName, Treatment treatment) {}
