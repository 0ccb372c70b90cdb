package org.supervisionhub.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Security round 2, item 19: the demo issuer must not silently override a configured production issuer. */
class DemoIssuerGuardTest {

    final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(DemoIssuerGuard.class);

    @Test
    void theDemoIssuerWithAProductionIssuerUriRefusesToStartAndSaysWhy() {
        context.withPropertyValues("hub.security.demo-issuer.enabled=true",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=https://idp.example.gov.cn/realms/hub").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("issuer-uri")
                    .hasMessageContaining("hub.security.demo-issuer.enabled");
        });
        context.withPropertyValues("hub.security.demo-issuer.enabled=true",
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=https://idp.example.gov.cn/jwks").run(started -> assertThat(started).hasFailed());
    }

    @Test
    void eitherAloneStarts() {
        context.withPropertyValues("hub.security.demo-issuer.enabled=true").run(started -> assertThat(started).hasNotFailed());
        context.withPropertyValues("spring.security.oauth2.resourceserver.jwt.issuer-uri=https://idp.example.gov.cn/realms/hub")
                .run(started -> assertThat(started).hasNotFailed());
    }
}
