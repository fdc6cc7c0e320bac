package io.domainbridge.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The Domain Bridge version, read once from a resource that the build fills in. */
public final class ProjectVersion {

    private static final String RESOURCE = "version.properties";
    private static final String VERSION = load();

    private ProjectVersion() {}

    /** The version every Domain Bridge plugin reports through {@code Versioned#version()}. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = ProjectVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE + " next to " + ProjectVersion.class);
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
