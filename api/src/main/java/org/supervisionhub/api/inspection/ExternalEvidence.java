package org.supervisionhub.api.inspection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.supervisionhub.api.store.DurableFiles;
import org.supervisionhub.graph.inspection.EvidenceRepository.StoredFile;

/**
 * Evidence bytes that retention moved out of the graph: content-addressed files {@code evidence/<ab>/<sha256>} under
 * {@code hub.retention.export-dir}. The graph keeps each file's hash and size; bytes are served only if they still hash to it.
 */
@Component
public class ExternalEvidence {

    /** The bytes outside the graph are missing or no longer what was stored. */
    public static class Mismatch extends RuntimeException {
        public Mismatch(String message) {
            super(message);
        }
    }

    private final Path dir;

    public ExternalEvidence(@Value("${hub.retention.export-dir:data/retention}") Path exportDir) {
        this.dir = exportDir.toAbsolutePath();
    }

    /** Writes the bytes durably (kept as they are when a file with that hash is there already); returns their location. */
    public String write(String sha256, byte[] content) {
        String location = "evidence/" + sha256.substring(0, 2) + "/" + sha256;
        Path target = dir.resolve(location);
        try {
            if (Files.isRegularFile(target) && DurableFiles.sha256(target).equals(sha256)) {
                return location;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DurableFiles.Written w = DurableFiles.write(target, out -> out.write(content));
        if (!w.sha256().equals(sha256)) {
            throw new IllegalStateException("evidence " + sha256 + " was written as " + w.sha256());
        }
        return location;
    }

    /** The file's bytes, read back from outside the graph and checked against the hash and size the graph keeps. */
    public byte[] read(StoredFile file) {
        Path path = dir.resolve(file.external()).normalize();
        byte[] content;
        try {
            content = path.startsWith(dir) ? Files.readAllBytes(path) : null;
        } catch (IOException e) {
            content = null;
        }
        if (content == null) {
            throw new Mismatch("evidence file " + file.sha256() + " is kept outside the graph at " + file.external()
                    + " in the export directory, and is missing there: restore it from backup");
        }
        String actual = EvidenceService.sha256(content);
        if (!actual.equals(file.sha256()) || content.length != file.size()) {
            throw new Mismatch("evidence file " + file.sha256() + " at " + file.external() + " in the export directory no longer matches"
                    + " its SHA-256 (it hashes to " + actual + "): refused; restore it from backup");
        }
        return content;
    }
}
