package org.supervisionhub.api.connectors;

import java.io.IOException;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.supervisionhub.api.SupervisionHubApplication;

/**
 * One hub replica of {@link ReplicasApiTest}: the hub's own application, as {@code java -jar} would run it, on the test
 * class path. The tests' configurations (their clock, counters and recorders) are left out of the component scan, as
 * Spring Boot's test support leaves them out of the application it starts; so the replica runs on the production clock,
 * as replicas on different machines do.
 */
public final class HubReplica {

    private HubReplica() {
    }

    public static void main(String[] args) {
        new SpringApplicationBuilder(SupervisionHubApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("withoutTestConfigurations", new WithoutTestConfigurations()))
                .run(args);
    }

    static final class WithoutTestConfigurations extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getAnnotationMetadata().hasAnnotation("org.springframework.boot.test.context.TestConfiguration");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof WithoutTestConfigurations;
        }

        @Override
        public int hashCode() {
            return WithoutTestConfigurations.class.hashCode();
        }
    }
}
