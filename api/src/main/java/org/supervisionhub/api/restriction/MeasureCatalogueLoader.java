package org.supervisionhub.api.restriction;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads the measure catalogue file before the hub reports ready (and before demo data, which may use it). */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class MeasureCatalogueLoader implements ApplicationRunner {

    private final MeasureService measures;
    private final RestrictionProperties properties;

    public MeasureCatalogueLoader(MeasureService measures, RestrictionProperties properties) {
        this.measures = measures;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        measures.loadCatalogue(properties.catalogue());
    }
}
