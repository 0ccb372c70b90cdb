package org.supervisionhub.api.organisation;

import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.supervisionhub.api.graphql.Batches;
import org.supervisionhub.graph.organisation.Organisation.BusinessLine;
import org.supervisionhub.graph.organisation.Organisation.Department;
import org.supervisionhub.graph.organisation.Organisation.Region;
import org.supervisionhub.graph.organisation.Organisation.Unit;
import org.supervisionhub.graph.organisation.OrganisationRepository;

import static org.supervisionhub.api.graphql.Batches.byKey;
import static org.supervisionhub.api.graphql.Batches.keys;

/** Regions, departments, units and business lines; every nested field is batch-loaded. */
@Controller
public class OrganisationController {

    private final OrganisationRepository organisation;

    public OrganisationController(OrganisationRepository organisation) {
        this.organisation = organisation;
    }

    @QueryMapping
    public List<Region> regions(@Argument String parentCode) {
        return parentCode == null ? organisation.topRegions()
                : organisation.regionChildren(List.of(parentCode)).getOrDefault(parentCode, List.of());
    }

    @QueryMapping
    public Region region(@Argument String code) {
        return organisation.regions(List.of(code)).get(code);
    }

    @QueryMapping
    public Department department(@Argument String id) {
        return organisation.department(id).orElse(null);
    }

    @QueryMapping
    public List<Department> departments(@Argument String sector, @Argument String level, @Argument String regionCode) {
        return organisation.departments(sector, level, regionCode);
    }

    @QueryMapping
    public List<Department> departmentTree(@Argument String sector) {
        return organisation.departments(sector, null, null).stream().filter(d -> d.superiorId() == null).toList();
    }

    @QueryMapping
    public List<BusinessLine> businessLines() {
        return organisation.businessLines();
    }

    @BatchMapping(typeName = "Region")
    public Map<Region, Region> parent(List<Region> regions) {
        return byKey(regions, Region::parentCode, organisation.regions(keys(regions, Region::parentCode)));
    }

    @BatchMapping(typeName = "Region")
    public Map<Region, List<Region>> children(List<Region> regions) {
        Map<String, List<Region>> children = organisation.regionChildren(keys(regions, Region::code));
        return Batches.grouped(regions, Region::code, children);
    }

    @BatchMapping(typeName = "Department", field = "region")
    public Map<Department, Region> departmentRegion(List<Department> departments) {
        return byKey(departments, Department::regionCode, organisation.regions(keys(departments, Department::regionCode)));
    }

    @BatchMapping(typeName = "Department")
    public Map<Department, Department> superior(List<Department> departments) {
        return byKey(departments, Department::superiorId, organisation.departments(keys(departments, Department::superiorId)));
    }

    @BatchMapping(typeName = "Department")
    public Map<Department, List<Department>> subordinates(List<Department> departments) {
        Map<String, List<Department>> subs = organisation.subordinates(keys(departments, Department::id));
        return Batches.grouped(departments, Department::id, subs);
    }

    @BatchMapping(typeName = "Department")
    public Map<Department, List<Unit>> units(List<Department> departments) {
        Map<String, List<Unit>> units = organisation.unitsOf(keys(departments, Department::id));
        return Batches.grouped(departments, Department::id, units);
    }

    @BatchMapping(typeName = "Unit", field = "department")
    public Map<Unit, Department> unitDepartment(List<Unit> units) {
        return byKey(units, Unit::departmentId, organisation.departments(keys(units, Unit::departmentId)));
    }

    @BatchMapping(typeName = "Unit")
    public Map<Unit, List<BusinessLine>> businessLines(List<Unit> units) {
        Map<String, List<BusinessLine>> lines = organisation.businessLinesOf(keys(units, Unit::id));
        return Batches.grouped(units, Unit::id, lines);
    }
}
