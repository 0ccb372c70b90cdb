package org.supervisionhub.graph.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import ac.simons.neo4j.migrations.core.ClasspathResourceScanner;

/**
 * Finds migration scripts by resolving each location with the class loader and listing only that
 * folder (in a directory or a jar). The library's default scanner walks the whole classpath, which
 * with Neo4j's hundreds of jars costs ~15 s on every start.
 */
final class MigrationResourceScanner implements ClasspathResourceScanner {

    @Override
    public List<URL> scan(List<String> locations) {
        List<URL> found = new ArrayList<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (String location : locations) {
            String folder = location.replaceFirst("^classpath:", "").replaceAll("^/+|/+$", "");
            try {
                for (URL url : Collections.list(loader.getResources(folder))) {
                    found.addAll(list(url, folder));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    private static List<URL> list(URL folderUrl, String folder) throws IOException {
        List<URL> out = new ArrayList<>();
        if ("file".equals(folderUrl.getProtocol())) {
            try (Stream<Path> files = Files.list(Path.of(folderUrl.toURI()))) {
                for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                    out.add(p.toUri().toURL());
                }
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        } else if ("jar".equals(folderUrl.getProtocol())) {
            JarURLConnection connection = (JarURLConnection) folderUrl.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                String prefix = connection.getEntryName() == null ? folder + "/" : connection.getEntryName().replaceAll("/?$", "/");
                String base = folderUrl.toString().substring(0, folderUrl.toString().indexOf("!/") + 2);
                jar.stream().filter(e -> !e.isDirectory() && e.getName().startsWith(prefix)
                                && e.getName().indexOf('/', prefix.length()) < 0)
                        .map(e -> e.getName()).sorted()
                        .forEach(name -> {
                            try {
                                out.add(new URL(base + name));
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
            }
        }
        return out;
    }
}
