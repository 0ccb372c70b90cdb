package org.supervisionhub.api.restriction;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param catalogue the measure catalogue file loaded at start (a Spring resource location)
 * @param maxBatch  most questions in one {@code restrictionChecks} call
 */
@ConfigurationProperties("hub.restriction")
public record RestrictionProperties(@DefaultValue("classpath:restriction/measure-catalogue.yaml") String catalogue,
                                    @DefaultValue("1000") int maxBatch) {
}
