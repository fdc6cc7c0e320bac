package io.domainbridge.converters;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Opens the package-private {@link FakeSchemaRegistry} to tests in other packages. */
public final class FakeSchemaRegistryAccess implements AutoCloseable {

    private final FakeSchemaRegistry registry;

    public FakeSchemaRegistryAccess() throws IOException {
        registry = new FakeSchemaRegistry();
    }

    public String url() {
        return registry.url();
    }

    public List<String> requests() {
        return registry.requests();
    }

    public List<String> authorizations() {
        return registry.authorizations();
    }

    public Map<String, List<Integer>> subjects() {
        return registry.subjects();
    }

    public void failNext(int count) {
        registry.failNext(count);
    }

    public int register(String subject, String schema) {
        return registry.register(subject, schema);
    }

    @Override
    public void close() {
        registry.close();
    }
}
