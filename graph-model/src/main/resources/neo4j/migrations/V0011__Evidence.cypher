// Inspection evidence (EVID-*): content-addressed files and the evidence records that use them.
CREATE CONSTRAINT evidence_file_sha256 IF NOT EXISTS FOR (n:EvidenceFile) REQUIRE n.sha256 IS UNIQUE;
CREATE CONSTRAINT evidence_id IF NOT EXISTS FOR (n:Evidence) REQUIRE n.id IS UNIQUE;
CREATE INDEX evidence_inspection IF NOT EXISTS FOR (n:Evidence) ON (n.inspectionId);
