// Inspection results, approval and publication (RESULT-*, APPR-*, PUB-*).
CREATE CONSTRAINT inspection_result_id IF NOT EXISTS FOR (n:InspectionResult) REQUIRE n.id IS UNIQUE;
CREATE INDEX inspection_result_department IF NOT EXISTS FOR (n:InspectionResult) ON (n.inspectingDepartment, n.publishBy);
CREATE INDEX inspection_result_uscc IF NOT EXISTS FOR (n:InspectionResult) ON (n.uscc);
