package io.domainbridge.testkit.rig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** A secret in a file readable only by its owner, as it would be mounted on a worker; removed when the JVM exits. */
public final class SecretFile {

    private SecretFile() {}

    /** A new file holding the secret as UTF-8 text and a line break, as {@code echo secret > file} writes it. */
    public static Path write(String purpose, String secret) {
        try {
            Path file = Files.createTempFile(
                    purpose,
                    ".secret",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            file.toFile().deleteOnExit();
            Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a secret file for " + purpose, e);
        }
    }
}
