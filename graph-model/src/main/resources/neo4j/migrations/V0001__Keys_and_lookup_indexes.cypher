// Uniqueness of every business key; each constraint also gives the range index used for lookups
// and keyset ordering.
CREATE CONSTRAINT region_code IF NOT EXISTS FOR (n:Region) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT department_id IF NOT EXISTS FOR (n:Department) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT unit_id IF NOT EXISTS FOR (n:Unit) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT business_line_code IF NOT EXISTS FOR (n:BusinessLine) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT enterprise_uscc IF NOT EXISTS FOR (n:Enterprise) REQUIRE n.uscc IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.personId IS UNIQUE;
CREATE CONSTRAINT checklist_version_id IF NOT EXISTS FOR (n:ChecklistVersion) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT inspection_item_id IF NOT EXISTS FOR (n:InspectionItem) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT inspector_id IF NOT EXISTS FOR (n:Inspector) REQUIRE n.inspectorId IS UNIQUE;
CREATE CONSTRAINT inspector_certificate IF NOT EXISTS FOR (n:Inspector) REQUIRE n.certificateNo IS UNIQUE;
CREATE CONSTRAINT complaint_id IF NOT EXISTS FOR (n:Complaint) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT roster_change_id IF NOT EXISTS FOR (n:RosterChange) REQUIRE n.id IS UNIQUE;

// Enterprise search filters and ordering.
CREATE INDEX enterprise_region IF NOT EXISTS FOR (n:Enterprise) ON (n.regionCode);
CREATE INDEX enterprise_name_order IF NOT EXISTS FOR (n:Enterprise) ON (n.name, n.uscc);
CREATE TEXT INDEX enterprise_name_text IF NOT EXISTS FOR (n:Enterprise) ON (n.name);
CREATE INDEX enterprise_industry IF NOT EXISTS FOR (n:Enterprise) ON (n.industry);
CREATE INDEX enterprise_org_type IF NOT EXISTS FOR (n:Enterprise) ON (n.orgType);

// Time-bounded queries on rosters and complaints.
CREATE INDEX complaint_received IF NOT EXISTS FOR (n:Complaint) ON (n.receivedOn);
CREATE INDEX roster_change_recorded IF NOT EXISTS FOR (n:RosterChange) ON (n.recordedAt);
CREATE INDEX checklist_item_code IF NOT EXISTS FOR (n:InspectionItem) ON (n.code);
