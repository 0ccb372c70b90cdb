package org.supervisionhub.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;

/**
 * The package boundaries of the production code of every module (issue 21), checked on the compiled classes. A
 * capability is a package directly under {@code org.supervisionhub.<layer>} with its sub-packages (see
 * {@link ModuleDiagram}); its public surface is its top package's public types other than controllers, and it is
 * listed, as used today, in docs/module-diagram.md, which this test keeps current.
 */
class ArchitectureTest {

    static final JavaClasses HUB = ModuleDiagram.production();

    @Test
    void apiCapabilitiesHaveNoCycles() {
        slices().matching("org.supervisionhub.api.(*)..").should().beFreeOfCycles().check(HUB);
    }

    @Test
    void graphModelCapabilitiesHaveNoCycles() {
        slices().matching("org.supervisionhub.graph.(*)..").should().beFreeOfCycles().check(HUB);
    }

    @Test
    void connectorCapabilitiesHaveNoCycles() {
        slices().matching("org.supervisionhub.connectors.(*)..").should().beFreeOfCycles().check(HUB);
    }

    @Test
    void theDomainCoreDependsOnTheJdkOnly() {
        classes().that().resideInAPackage("org.supervisionhub.domain..")
                // javax.crypto: the JDK's HMAC, which PersonId pseudonymises with.
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..", "org.supervisionhub.domain..")
                .check(HUB);
    }

    @Test
    void theGraphModelKnowsNeitherTheApiNorTheConnectors() {
        noClasses().that().resideInAPackage("org.supervisionhub.graph..")
                .should().dependOnClassesThat().resideInAnyPackage("org.supervisionhub.api..", "org.supervisionhub.connectors..")
                .check(HUB);
    }

    @Test
    void theConnectorsDoNotKnowTheApi() {
        noClasses().that().resideInAPackage("org.supervisionhub.connectors..")
                .should().dependOnClassesThat().resideInAPackage("org.supervisionhub.api..")
                .check(HUB);
    }

    /**
     * Services speak no GraphQL: they refuse with the transport-neutral vocabulary of {@code api.errors}, and return values,
     * not GraphQL connections; controllers and {@code api.graphql} turn both into GraphQL.
     */
    @Test
    void servicesSpeakNoGraphQl() {
        noClasses().that().haveSimpleNameEndingWith("Service").and().resideInAPackage("org.supervisionhub.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.supervisionhub.api.graphql..", "org.springframework.graphql..", "graphql..")
                .check(HUB);
    }

    /** Controllers call services, never a repository (checked for the capabilities whose services own their reads so far). */
    @Test
    void controllersOfRestrictionDirectoryAndRosterUseNoRepository() {
        noClasses().that().areAnnotatedWith(Controller.class)
                .and().resideInAnyPackage("org.supervisionhub.api.restriction..", "org.supervisionhub.api.directory..", "org.supervisionhub.api.roster..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().haveSimpleName("RestrictionQuery")
                .check(HUB);
    }

    /** A controller (and what is nested in it) belongs to its capability alone: shared types live beside it. */
    @Test
    void controllersAreInNoCapabilitysPublicSurface() {
        Set<String> violations = new TreeSet<>();
        for (Dependency d : crossCapabilityDependencies()) {
            for (JavaClass t = d.getTargetClass(); t != null; t = t.getEnclosingClass().orElse(null)) {
                if (t.isMetaAnnotatedWith(Controller.class) || t.isAnnotatedWith(Controller.class)) {
                    violations.add(d.getDescription());
                }
            }
        }
        assertThat(violations).as("dependencies on another capability's controller").isEmpty();
    }

    /** A capability's sub-packages (the generated clients in connectors) are used only within its own layer. */
    @Test
    void subPackagesOfACapabilityStayInsideTheirLayer() {
        Set<String> violations = new TreeSet<>();
        for (Dependency d : crossCapabilityDependencies()) {
            String target = d.getTargetClass().getPackageName();
            String origin = d.getOriginClass().getPackageName();
            boolean subPackage = !target.equals(ModuleDiagram.ROOT + "." + ModuleDiagram.capabilityOf(target));
            if (subPackage && !layerOf(origin).equals(layerOf(target))) {
                violations.add(d.getDescription());
            }
        }
        assertThat(violations).as("dependencies on a sub-package of a capability in another layer").isEmpty();
    }

    /** Each capability with hand-written sources says what it is in a one-line package-info.java. */
    @Test
    void everyCapabilityHasAPackageInfo() {
        ModuleDiagram diagram = new ModuleDiagram(HUB);
        Set<String> missing = new TreeSet<>();
        diagram.moduleOf.forEach((capability, module) -> {
            Path sources = DocsInSyncTest.REPOSITORY.resolve(module).resolve("src/main/java")
                    .resolve((ModuleDiagram.ROOT + "." + capability).replace('.', '/'));
            if (Files.isDirectory(sources) && !Files.isRegularFile(sources.resolve("package-info.java"))) {
                missing.add(module + ": " + capability);
            }
        });
        assertThat(missing).as("capabilities without package-info.java").isEmpty();
    }

    @Test
    void theModuleDiagramInTheDocsIsCurrent() throws IOException {
        String generated = new ModuleDiagram(HUB).render();
        if (Boolean.getBoolean("module-diagram.write")) {
            Files.writeString(ModuleDiagram.FILE, generated);
        }
        assertThat(Files.isRegularFile(ModuleDiagram.FILE) ? Files.readString(ModuleDiagram.FILE) : "")
                .as("docs/module-diagram.md differs from the code: regenerate it with -Dmodule-diagram.write=true (see the file)")
                .isEqualTo(generated);
    }

    static Iterable<Dependency> crossCapabilityDependencies() {
        return HUB.stream().filter(ModuleDiagram::inHub)
                .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                .filter(d -> ModuleDiagram.inHub(d.getTargetClass()))
                .filter(d -> !ModuleDiagram.capabilityOf(d.getOriginClass().getPackageName())
                        .equals(ModuleDiagram.capabilityOf(d.getTargetClass().getPackageName())))
                .toList();
    }

    static String layerOf(String packageName) {
        return ModuleDiagram.capabilityOf(packageName).split("\\.")[0];
    }
}
