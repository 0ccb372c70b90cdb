// Results published before V0022 get the enterprise's current name (the schema change and this data change are
// separate migrations: Neo4j does not mix them in one transaction).
MATCH (r:InspectionResult) WHERE r.status = 'PUBLISHED' AND r.enterpriseName IS NULL
MATCH (e:Enterprise {uscc: r.uscc})
SET r.enterpriseName = e.name;
