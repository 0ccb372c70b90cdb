// On-site inspection records (ONSITE-*): one per inspection.
CREATE CONSTRAINT inspection_record_id IF NOT EXISTS FOR (n:InspectionRecord) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT inspection_record_inspection IF NOT EXISTS FOR (n:InspectionRecord) REQUIRE n.inspectionId IS UNIQUE;
