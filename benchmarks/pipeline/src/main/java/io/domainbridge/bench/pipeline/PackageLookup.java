package io.domainbridge.bench.pipeline;

/** One client's way of finding a package by id; each load thread owns one and closes it. */
interface PackageLookup extends AutoCloseable {

    /** The package, or an exception when the lookup failed or found nothing. */
    PackageView find(long id) throws Exception;

    @Override
    void close();
}
