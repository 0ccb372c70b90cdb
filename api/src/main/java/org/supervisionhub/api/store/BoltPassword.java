package org.supervisionhub.api.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.supervisionhub.api.HubProperties;

/**
 * The embedded server's Bolt password: the configured one, else one generated on first start and
 * kept in the data directory, readable only by its owner, so tools such as cypher-shell can log in.
 */
final class BoltPassword {

    static final String FILE = "bolt-password";

    private BoltPassword() {
    }

    static String of(HubProperties.Store store) {
        if (store.boltPassword() != null && !store.boltPassword().isBlank()) {
            return store.boltPassword();
        }
        Path file = store.dataDir().toAbsolutePath().resolve(FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(file.getParent());
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            String password = HexFormat.of().formatHex(bytes);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, password, StandardCharsets.UTF_8);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the Bolt password in " + file, e);
        }
    }
}
