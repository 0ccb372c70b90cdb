// Inspection notices (NOTICE-*): one per inspection.
CREATE CONSTRAINT inspection_notice_id IF NOT EXISTS FOR (n:InspectionNotice) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT inspection_notice_inspection IF NOT EXISTS FOR (n:InspectionNotice) REQUIRE n.inspectionId IS UNIQUE;
