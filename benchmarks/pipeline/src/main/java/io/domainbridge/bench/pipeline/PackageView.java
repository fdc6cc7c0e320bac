package io.domainbridge.bench.pipeline;

/**
 * What Customer Service needs to know about a package to answer a customer: the columns Logistics shares through
 * its contract, as a lookup returns them from either side.
 */
record PackageView(long id, String trackingCode, String status, String location, int weightGrams) {}
