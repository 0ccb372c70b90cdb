package org.supervisionhub.graph.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.graph.organisation.Organisation.BusinessLine;
import org.supervisionhub.graph.organisation.Organisation.Department;
import org.supervisionhub.graph.organisation.Organisation.Region;
import org.supervisionhub.graph.organisation.Organisation.Unit;
import org.supervisionhub.graph.store.KeyedRows;
import org.supervisionhub.graph.store.Values;

/** Reads the organisation graph; every method is one query, batched by key where a caller fans out. */
public class OrganisationRepository {

    static final String REGION = "r {.code, .name, .level, parentCode: [(r)-[:PART_OF]->(p:Region) | p.code][0]}";
    static final String DEPARTMENT = "d {.id, .name, .sector, .level,"
            + " regionCode: [(d)-[:GOVERNS]->(g:Region) | g.code][0],"
            + " superiorId: [(d)-[:REPORTS_TO]->(s:Department) | s.id][0]}";

    static final String REGIONS_BY_CODE = "MATCH (r:Region) WHERE r.code IN $codes RETURN " + REGION + " AS row";
    static final String REGION_CHILDREN = "MATCH (r:Region)-[:PART_OF]->(p:Region) WHERE p.code IN $codes"
            + " RETURN " + REGION + " AS row ORDER BY r.code";
    static final String TOP_REGIONS = "MATCH (r:Region) WHERE NOT (r)-[:PART_OF]->() RETURN " + REGION + " AS row ORDER BY r.code";
    /** The region itself and every region below it, at any depth. */
    static final String REGION_AND_DESCENDANTS = "MATCH (r:Region {code: $code}) "
            + "OPTIONAL MATCH (d:Region)-[:PART_OF*1..]->(r) RETURN r.code AS code, collect(d.code) AS below";
    static final String DEPARTMENTS_BY_ID = "MATCH (d:Department) WHERE d.id IN $ids RETURN " + DEPARTMENT + " AS row";
    static final String DEPARTMENTS = "MATCH (d:Department)-[:GOVERNS]->(g:Region) "
            + "WHERE ($sector IS NULL OR d.sector = $sector) AND ($level IS NULL OR d.level = $level)"
            + " AND ($regionCode IS NULL OR g.code = $regionCode) RETURN " + DEPARTMENT + " AS row ORDER BY d.id";
    static final String SUBORDINATES = "MATCH (d:Department)-[:REPORTS_TO]->(s:Department) WHERE s.id IN $ids"
            + " RETURN s.id AS key, " + DEPARTMENT + " AS row ORDER BY d.id";
    static final String DEPARTMENT_AND_SUBORDINATES = "MATCH (s:Department {id: $id}) "
            + "OPTIONAL MATCH (d:Department)-[:REPORTS_TO*1..]->(s) RETURN s.id AS id, collect(d.id) AS below";
    static final String UNITS_OF = "MATCH (u:Unit)-[:PART_OF]->(d:Department) WHERE d.id IN $ids"
            + " RETURN d.id AS key, u {.id, .name, .role, departmentId: d.id} AS row ORDER BY u.id";
    static final String UNITS_BY_ID = "MATCH (u:Unit)-[:PART_OF]->(d:Department) WHERE u.id IN $ids"
            + " RETURN u {.id, .name, .role, departmentId: d.id} AS row";
    static final String LINES_OF = "MATCH (u:Unit)-[:RUNS_LINE]->(b:BusinessLine) WHERE u.id IN $ids"
            + " RETURN u.id AS key, b {.code, .name, .sector} AS row ORDER BY b.code";
    static final String BUSINESS_LINES = "MATCH (b:BusinessLine) RETURN b {.code, .name, .sector} AS row ORDER BY b.code";

    private final Neo4jClient client;

    public OrganisationRepository(Neo4jClient client) {
        this.client = client;
    }

    public Map<String, Region> regions(Collection<String> codes) {
        return KeyedRows.unique(client, REGIONS_BY_CODE, Map.of("codes", List.copyOf(codes)), OrganisationRepository::region, Region::code);
    }

    public Map<String, List<Region>> regionChildren(Collection<String> codes) {
        return KeyedRows.grouped(client, REGION_CHILDREN, Map.of("codes", List.copyOf(codes)),
                OrganisationRepository::region, Region::parentCode);
    }

    public List<Region> topRegions() {
        return client.query(TOP_REGIONS).fetchAs(Region.class).mappedBy((t, r) -> region(r.get("row"))).all().stream().toList();
    }

    /** The codes of a region and all its sub-regions; empty when the region does not exist. */
    public List<String> regionAndDescendants(String code) {
        return client.query(REGION_AND_DESCENDANTS).bind(code).to("code")
                .fetchAs(List.class).mappedBy((t, r) -> {
                    List<String> all = new java.util.ArrayList<>();
                    all.add(r.get("code").asString());
                    all.addAll(Values.strings(r.get("below")));
                    return all;
                }).one().map(l -> (List<String>) l).orElse(List.of());
    }

    public Map<String, Department> departments(Collection<String> ids) {
        return KeyedRows.unique(client, DEPARTMENTS_BY_ID, Map.of("ids", List.copyOf(ids)), OrganisationRepository::department, Department::id);
    }

    public Optional<Department> department(String id) {
        return Optional.ofNullable(departments(List.of(id)).get(id));
    }

    public List<Department> departments(String sector, String level, String regionCode) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("sector", sector);
        p.put("level", level);
        p.put("regionCode", regionCode);
        return client.query(DEPARTMENTS).bindAll(p).fetchAs(Department.class)
                .mappedBy((t, r) -> department(r.get("row"))).all().stream().toList();
    }

    public Map<String, List<Department>> subordinates(Collection<String> ids) {
        return KeyedRows.grouped(client, SUBORDINATES, Map.of("ids", List.copyOf(ids)), OrganisationRepository::department);
    }

    /** The department's id and the ids of every department that reports to it, directly or not. */
    public List<String> departmentAndSubordinates(String id) {
        return client.query(DEPARTMENT_AND_SUBORDINATES).bind(id).to("id").fetchAs(List.class).mappedBy((t, r) -> {
            List<String> all = new java.util.ArrayList<>();
            all.add(r.get("id").asString());
            all.addAll(Values.strings(r.get("below")));
            return all;
        }).one().map(l -> (List<String>) l).orElse(List.of());
    }

    public Map<String, List<Unit>> unitsOf(Collection<String> departmentIds) {
        return KeyedRows.grouped(client, UNITS_OF, Map.of("ids", List.copyOf(departmentIds)), OrganisationRepository::unit);
    }

    public Map<String, Unit> units(Collection<String> ids) {
        return KeyedRows.unique(client, UNITS_BY_ID, Map.of("ids", List.copyOf(ids)), OrganisationRepository::unit, Unit::id);
    }

    public Map<String, List<BusinessLine>> businessLinesOf(Collection<String> unitIds) {
        return KeyedRows.grouped(client, LINES_OF, Map.of("ids", List.copyOf(unitIds)), OrganisationRepository::line);
    }

    public List<BusinessLine> businessLines() {
        return client.query(BUSINESS_LINES).fetchAs(BusinessLine.class).mappedBy((t, r) -> line(r.get("row"))).all().stream().toList();
    }

    static Region region(MapAccessor m) {
        return new Region(Values.str(m.get("code")), Values.str(m.get("name")), Values.str(m.get("level")), Values.str(m.get("parentCode")));
    }

    static Department department(MapAccessor m) {
        return new Department(Values.str(m.get("id")), Values.str(m.get("name")), Values.str(m.get("sector")),
                Values.str(m.get("level")), Values.str(m.get("regionCode")), Values.str(m.get("superiorId")));
    }

    static Unit unit(MapAccessor m) {
        return new Unit(Values.str(m.get("id")), Values.str(m.get("name")), Values.str(m.get("role")), Values.str(m.get("departmentId")));
    }

    static BusinessLine line(MapAccessor m) {
        return new BusinessLine(Values.str(m.get("code")), Values.str(m.get("name")), Values.str(m.get("sector")));
    }
}
