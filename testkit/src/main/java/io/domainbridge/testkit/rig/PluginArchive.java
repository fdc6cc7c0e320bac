package io.domainbridge.testkit.rig;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Confluent Hub archive the build produced, installed the way a user installs it: unpacked into a directory
 * that the worker's {@code plugin.path} names.
 */
public final class PluginArchive {

    private static final String ARCHIVE_PROPERTY = "domainbridge.hub.archive";
    private static final String SERVICES = "META-INF/services/";

    private final Path component;

    private PluginArchive(Path component) {
        this.component = component;
    }

    /** Unpacks the archive into {@code pluginPath}, which then holds exactly one plugin: Domain Bridge. */
    public static PluginArchive installInto(Path pluginPath) {
        Path archive = Path.of(System.getProperty(ARCHIVE_PROPERTY, "missing"));
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("No Confluent Hub archive at " + archive + " (system property "
                    + ARCHIVE_PROPERTY + "); build it first with 'mvn package'");
        }
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            Path top = null;
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path target = pluginPath.resolve(entry.getName()).normalize();
                if (!target.startsWith(pluginPath)) {
                    throw new IllegalStateException("Archive entry escapes the plugin path: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
                top = top == null
                        ? pluginPath.resolve(pluginPath.relativize(target).getName(0))
                        : top;
            }
            return new PluginArchive(top);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack " + archive, e);
        }
    }

    /** The version the component's {@code manifest.json} declares. */
    public String version() {
        try {
            return new ObjectMapper()
                    .readTree(component.resolve("manifest.json").toFile())
                    .get("version")
                    .asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every plugin class that the service manifests of our own jars in {@code lib/} announce. */
    public Set<String> announcedPlugins() {
        Set<String> classes = new TreeSet<>();
        try (Stream<Path> jars = Files.list(component.resolve("lib"))) {
            for (Path jar : jars.filter(PluginArchive::isOurJar).toList()) {
                classes.addAll(servicesOf(jar));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return classes;
    }

    private static boolean isOurJar(Path jar) {
        return jar.getFileName().toString().startsWith("domain-bridge-");
    }

    private static Set<String> servicesOf(Path jar) throws IOException {
        Set<String> classes = new TreeSet<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().toList()) {
                if (entry.getName().startsWith(SERVICES) && !entry.isDirectory()) {
                    try (InputStream in = file.getInputStream(entry);
                            BufferedReader reader =
                                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                        reader.lines()
                                .map(String::trim)
                                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                                .forEach(classes::add);
                    }
                }
            }
        }
        return classes;
    }
}
