package org.supervisionhub.graph.synthetic;

/**
 * The loader's Cypher. Every statement takes a list parameter and {@code UNWIND}s it: one round trip
 * and one plan per batch. Fresh loads use {@code CREATE}, never {@code MERGE}; links into earlier
 * batches {@code MATCH} on unique keys (index seeks).
 */
final class SyntheticCypher {

    private SyntheticCypher() {
    }

    static final String CREATE_REGIONS = """
            UNWIND $rows AS row
            CREATE (:Region {code: row.code, name: row.name, level: row.level})""";

    static final String LINK_REGIONS = """
            UNWIND $rows AS row
            MATCH (c:Region {code: row.code})
            MATCH (p:Region {code: row.parent})
            CREATE (c)-[:PART_OF]->(p)""";

    static final String CREATE_BUSINESS_LINES = """
            UNWIND $rows AS row
            CREATE (:BusinessLine {code: row.code, name: row.name, sector: row.sector})""";

    static final String CREATE_DEPARTMENTS = """
            UNWIND $rows AS row
            MATCH (r:Region {code: row.region})
            CREATE (d:Department {id: row.id, name: row.name, sector: row.sector, level: row.level})
            CREATE (d)-[:GOVERNS]->(r)""";

    static final String LINK_DEPARTMENTS = """
            UNWIND $rows AS row
            MATCH (d:Department {id: row.id})
            MATCH (s:Department {id: row.superior})
            CREATE (d)-[:REPORTS_TO]->(s)""";

    static final String CREATE_UNITS = """
            UNWIND $rows AS row
            MATCH (d:Department {id: row.department})
            CREATE (u:Unit {id: row.id, name: row.name, role: row.role})
            CREATE (u)-[:PART_OF]->(d)
            WITH u, row
            UNWIND row.lines AS code
            MATCH (b:BusinessLine {code: code})
            CREATE (u)-[:RUNS_LINE]->(b)""";

    static final String CREATE_CHECKLISTS = """
            UNWIND $rows AS row
            MATCH (d:Department {id: row.department})
            CREATE (v:ChecklistVersion)
            SET v = row.props
            CREATE (v)-[:ISSUED_BY]->(d)
            WITH v, row
            UNWIND row.items AS item
            CREATE (i:InspectionItem)
            SET i = item.props
            CREATE (v)-[:HAS_ITEM {position: item.position}]->(i)""";

    static final String LINK_CHECKLISTS = """
            UNWIND $rows AS row
            MATCH (n:ChecklistVersion {id: row.newer})
            MATCH (o:ChecklistVersion {id: row.older})
            CREATE (n)-[:SUPERSEDES]->(o)""";

    static final String CREATE_INSPECTORS = """
            UNWIND $rows AS row
            MATCH (u:Unit {id: row.unit})
            CREATE (i:Inspector)
            SET i = row.props
            CREATE (i)-[:MEMBER_OF]->(u)
            FOREACH (c IN coalesce(row.changes, []) |
              CREATE (x:RosterChange {id: c.id, roster: c.roster, kind: c.kind, subjectKey: c.subjectKey,
                                      occurredOn: c.occurredOn, recordedAt: c.recordedAt})
              CREATE (x)-[:CHANGED]->(i))""";

    /**
     * One row per enterprise: the enterprise, its region and registrar links, its new persons with
     * their links, its complaints and roster change. Region and department are tiny dense nodes
     * found by index seek; persons are created inline, so no lookup is needed for them.
     */
    static final String CREATE_ENTERPRISES = """
            UNWIND $rows AS row
            MATCH (region:Region {code: row.region})
            MATCH (registrar:Department {id: row.registrar})
            CREATE (e:Enterprise)
            SET e = row.props
            CREATE (e)-[:LOCATED_IN]->(region)
            CREATE (e)-[:REGISTERED_WITH]->(registrar)
            FOREACH (p IN row.persons |
              CREATE (n:Person {personId: p.id, name: p.name})
              FOREACH (l IN coalesce(p.rep, []) |
                CREATE (n)-[:LEGAL_REPRESENTATIVE_OF {validFrom: l.from, validTo: l.to}]->(e))
              FOREACH (l IN coalesce(p.off, []) |
                CREATE (n)-[:OFFICER_OF {role: l.role, validFrom: l.from, validTo: l.to}]->(e))
              FOREACH (l IN coalesce(p.sh, []) |
                CREATE (n)-[:SHAREHOLDER_OF {sharePct: l.pct, validFrom: l.from, validTo: l.to}]->(e)))
            FOREACH (c IN coalesce(row.changes, []) |
              CREATE (x:RosterChange {id: c.id, roster: c.roster, kind: c.kind, subjectKey: c.subjectKey,
                                      occurredOn: c.occurredOn, discoveredOn: c.discoveredOn, recordedAt: c.recordedAt})
              CREATE (x)-[:CHANGED]->(e))
            WITH e, row
            WHERE row.complaints IS NOT NULL
            UNWIND row.complaints AS c
            MATCH (d:Department {id: c.department})
            CREATE (x:Complaint {id: c.id, kind: c.kind, receivedOn: c.receivedOn, channel: c.channel, summary: c.summary})
            CREATE (x)-[:AGAINST]->(e)
            CREATE (x)-[:RECEIVED_BY]->(d)""";

    /** Links whose other end may be in an earlier batch; run after {@link #CREATE_ENTERPRISES} in the same transaction. */
    static final String LINK_REPRESENTATIVES = """
            UNWIND $rows AS row
            MATCH (p:Person {personId: row.person})
            MATCH (e:Enterprise {uscc: row.uscc})
            CREATE (p)-[:LEGAL_REPRESENTATIVE_OF {validFrom: row.from, validTo: row.to}]->(e)""";

    static final String LINK_ENTERPRISE_SHAREHOLDERS = """
            UNWIND $rows AS row
            MATCH (h:Enterprise {uscc: row.holder})
            MATCH (e:Enterprise {uscc: row.uscc})
            CREATE (h)-[:SHAREHOLDER_OF {sharePct: row.pct, validFrom: row.from, validTo: row.to}]->(e)""";

    static final String LINK_BRANCHES = """
            UNWIND $rows AS row
            MATCH (b:Enterprise {uscc: row.branch})
            MATCH (h:Enterprise {uscc: row.head})
            CREATE (b)-[:BRANCH_OF {validFrom: row.from, validTo: row.to}]->(h)""";

    static final String LINK_INSPECTOR_PERSONS = """
            UNWIND $rows AS row
            MATCH (i:Inspector {inspectorId: row.inspector})
            MATCH (p:Person {personId: row.person})
            CREATE (i)-[:IS_PERSON]->(p)""";

    static final String DECLARE_ENTERPRISE_CONFLICTS = """
            UNWIND $rows AS row
            MATCH (i:Inspector {inspectorId: row.inspector})
            MATCH (e:Enterprise {uscc: row.uscc})
            CREATE (i)-[:DECLARED_CONFLICT {reason: row.reason, declaredOn: row.declaredOn}]->(e)""";

    static final String DECLARE_PERSON_CONFLICTS = """
            UNWIND $rows AS row
            MATCH (i:Inspector {inspectorId: row.inspector})
            MATCH (p:Person {personId: row.person})
            CREATE (i)-[:DECLARED_CONFLICT {reason: row.reason, declaredOn: row.declaredOn}]->(p)""";
}
