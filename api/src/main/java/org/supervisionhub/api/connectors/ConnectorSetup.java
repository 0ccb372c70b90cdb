package org.supervisionhub.api.connectors;

import java.nio.charset.StandardCharsets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.supervisionhub.api.HubProperties;
import org.supervisionhub.connectors.ConnectorsConfiguration;
import org.supervisionhub.connectors.sync.PersonPseudonyms;
import org.supervisionhub.domain.directory.PersonId;

/** Brings in the connectors; a source's person keys become person ids under the hub's key, like national IDs do. */
@Configuration(proxyBeanMethods = false)
@Import(ConnectorsConfiguration.class)
public class ConnectorSetup {

    @Bean
    PersonPseudonyms personPseudonyms(HubProperties properties) {
        byte[] key = properties.personIdKey().getBytes(StandardCharsets.UTF_8);
        return (source, personKey) -> PersonId.pseudonymise(key, source + ":" + personKey).value();
    }
}
