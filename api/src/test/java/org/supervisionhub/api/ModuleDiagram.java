package org.supervisionhub.api;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The hub's capabilities and how they depend on each other, computed from the production classes of every module on
 * the class path: a capability is a package directly under {@code org.supervisionhub.<layer>} (with its sub-packages;
 * {@code connectors.market} holds {@code connectors.market.client}), the layer's own package is its root. Rendered as
 * Mermaid into {@code docs/module-diagram.md}; {@link ArchitectureTest} fails when the committed file differs, and
 * {@code main} (or the test with {@code -Dmodule-diagram.write=true}) rewrites it.
 */
final class ModuleDiagram {

    static final String ROOT = "org.supervisionhub";
    static final Path FILE = DocsInSyncTest.REPOSITORY.resolve("docs/module-diagram.md");

    /** Capability to the Maven module its classes are built in. */
    final SortedMap<String, String> moduleOf = new TreeMap<>();
    /** Capability to the capabilities it depends on. */
    final SortedMap<String, SortedSet<String>> uses = new TreeMap<>();
    /** Capability to its types that other capabilities use (its public surface as used today). */
    final SortedMap<String, SortedSet<String>> surface = new TreeMap<>();

    static JavaClasses production() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    /** {@code api.inspection} for {@code org.supervisionhub.api.inspection.joint}; {@code api} for the layer's root. */
    static String capabilityOf(String packageName) {
        String[] parts = packageName.substring(ROOT.length() + 1).split("\\.");
        return parts.length == 1 ? parts[0] : parts[0] + "." + parts[1];
    }

    static boolean inHub(JavaClass type) {
        return type.getPackageName().startsWith(ROOT + ".");
    }

    /** Relative to its capability's package: {@code Results.Result}, {@code client.api.DefaultApi}; arrays as their component. */
    static String typeName(JavaClass type) {
        JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
        String capabilityPackage = ROOT + "." + capabilityOf(base.getPackageName());
        return base.getName().substring(capabilityPackage.length() + 1).replace('$', '.');
    }

    ModuleDiagram(JavaClasses classes) {
        for (JavaClass type : classes) {
            if (!inHub(type)) {
                continue;
            }
            String from = capabilityOf(type.getPackageName());
            moduleOf.putIfAbsent(from, moduleOf(type));
            uses.computeIfAbsent(from, k -> new TreeSet<>());
            for (Dependency d : type.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass().isArray() ? d.getTargetClass().getBaseComponentType() : d.getTargetClass();
                if (!inHub(target) || target.getSimpleName().equals("package-info")) {
                    continue;
                }
                String to = capabilityOf(target.getPackageName());
                if (!to.equals(from)) {
                    uses.get(from).add(to);
                    surface.computeIfAbsent(to, k -> new TreeSet<>()).add(typeName(target));
                }
            }
        }
    }

    /** The Maven module a class was built in: its directory relative to the repository (the artifact outside it). */
    static String moduleOf(JavaClass type) {
        URI uri = type.getSource().orElseThrow().getUri();
        String location = uri.toString();
        if (location.startsWith("jar:")) {
            location = location.substring("jar:".length(), location.indexOf("!/"));
        }
        Path path = Path.of(URI.create(location)).normalize();
        for (Path p = path; p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals("target") && p.getParent() != null
                    && p.getParent().startsWith(DocsInSyncTest.REPOSITORY)) {
                String module = DocsInSyncTest.REPOSITORY.relativize(p.getParent()).toString().replace('\\', '/');
                return module.isEmpty() ? "." : module;
            }
        }
        // A jar from the local Maven repository: .../<artifactId>/<version>/<artifactId>-<version>.jar
        return path.getParent().getParent().getFileName().toString();
    }

    static String id(String capability) {
        return capability.replace('.', '_');
    }

    static String label(String capability) {
        return capability.contains(".") ? capability : capability + " (root)";
    }

    String render() {
        StringBuilder out = new StringBuilder();
        out.append("# Module diagram\n\n")
                .append("Generated from the production classes by `ModuleDiagram` (api tests); `ArchitectureTest` fails when this file\n")
                .append("differs from what the code yields. Regenerate with\n")
                .append("`./mvnw -B -o -pl api -am verify -Dtest=ArchitectureTest -Dsurefire.failIfNoSpecifiedTests=false -Dmodule-diagram.write=true`.\n")
                .append("A capability is a package directly under `org.supervisionhub.<layer>` with its sub-packages; `(root)` is the\n")
                .append("layer's own package. The rules these graphs obey are in `ArchitectureTest` and [architecture.md](architecture.md).\n\n");

        SortedMap<String, SortedSet<String>> capabilitiesOf = new TreeMap<>();
        moduleOf.forEach((capability, module) -> capabilitiesOf.computeIfAbsent(module, k -> new TreeSet<>()).add(capability));
        SortedMap<String, SortedSet<String>> moduleUses = new TreeMap<>();
        uses.forEach((from, targets) -> targets.forEach(to -> {
            if (!moduleOf.get(from).equals(moduleOf.get(to))) {
                moduleUses.computeIfAbsent(moduleOf.get(from), k -> new TreeSet<>()).add(moduleOf.get(to));
            }
        }));

        out.append("## Maven modules\n\n```mermaid\nflowchart LR\n");
        capabilitiesOf.keySet().forEach(m -> out.append("  ").append(moduleId(m)).append("[\"").append(m).append("\"]\n"));
        moduleUses.forEach((from, targets) -> targets.forEach(to -> out.append("  ").append(moduleId(from)).append(" --> ").append(moduleId(to)).append('\n')));
        out.append("```\n");

        capabilitiesOf.forEach((module, capabilities) -> {
            out.append("\n## ").append(module).append("\n\nPackages of the module and their dependencies on each other.\n\n```mermaid\nflowchart LR\n");
            capabilities.forEach(c -> out.append("  ").append(id(c)).append("[\"").append(label(c)).append("\"]\n"));
            capabilities.forEach(from -> uses.get(from).stream().filter(capabilities::contains)
                    .forEach(to -> out.append("  ").append(id(from)).append(" --> ").append(id(to)).append('\n')));
            out.append("```\n");
            List<String> rows = new ArrayList<>();
            capabilities.forEach(from -> {
                SortedMap<String, SortedSet<String>> outside = new TreeMap<>();
                uses.get(from).stream().filter(to -> !capabilities.contains(to))
                        .forEach(to -> outside.computeIfAbsent(moduleOf.get(to), k -> new TreeSet<>()).add(to));
                outside.forEach((m, targets) -> rows.add("| " + from + " | " + m + " | " + String.join(", ", targets) + " |"));
            });
            if (!rows.isEmpty()) {
                out.append("\nWhat it uses in other modules:\n\n| package | module | packages |\n|---|---|---|\n");
                rows.forEach(r -> out.append(r).append('\n'));
            }
        });

        out.append("\n## Public surfaces\n\n")
                .append("Each capability's types that other capabilities use; a new entry here is a widened surface, seen in review.\n")
                .append("`ArchitectureTest` keeps controllers out of every surface, and a capability's sub-packages (the generated clients)\n")
                .append("to its own layer.\n\n| capability | types used by other capabilities |\n|---|---|\n");
        surface.forEach((capability, types) -> out.append("| ").append(capability).append(" | ")
                .append(String.join(", ", types.stream().map(t -> "`" + t + "`").toList())).append(" |\n"));
        return out.toString();
    }

    static String moduleId(String module) {
        return "m_" + module.replaceAll("[^A-Za-z0-9]", "_");
    }

    /** Rewrites docs/module-diagram.md from the classes on the class path; run from the api module's directory. */
    public static void main(String[] args) throws Exception {
        Files.writeString(FILE, new ModuleDiagram(production()).render());
    }
}
