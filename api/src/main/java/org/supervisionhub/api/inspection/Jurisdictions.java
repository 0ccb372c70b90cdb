package org.supervisionhub.api.inspection;

import org.springframework.stereotype.Component;
import org.supervisionhub.api.inspection.LifecycleProperties.Profile;
import org.supervisionhub.graph.organisation.Organisation.Department;
import org.supervisionhub.graph.organisation.OrganisationRepository;

/** Which jurisdiction's lifecycle rules ({@link LifecycleProperties}) govern a department, by its region. */
@Component
public class Jurisdictions {

    private final LifecycleProperties properties;
    private final OrganisationRepository organisation;

    public Jurisdictions(LifecycleProperties properties, OrganisationRepository organisation) {
        this.properties = properties;
        this.organisation = organisation;
    }

    public Profile of(String departmentId) {
        return properties.profileFor(organisation.department(departmentId).map(Department::regionCode).orElse(null));
    }

    /** ARCH-03: the least number of years an archived file is kept. */
    public int retentionYears() {
        return properties.retentionYears();
    }
}
