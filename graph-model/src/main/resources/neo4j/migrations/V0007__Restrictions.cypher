// Restriction checks (一处违法，处处受限): triggers, measures, receipts, change log (JOINT-*, FOLLOW-*, CREDIT-*).
CREATE CONSTRAINT restriction_trigger_id IF NOT EXISTS FOR (n:RestrictionTrigger) REQUIRE n.id IS UNIQUE;
CREATE INDEX restriction_trigger_uscc IF NOT EXISTS FOR (n:RestrictionTrigger) ON (n.uscc);
CREATE CONSTRAINT restriction_measure_id IF NOT EXISTS FOR (n:RestrictionMeasure) REQUIRE n.id IS UNIQUE;
// One node per version of a measure; the check finds the versions of a domain.
CREATE CONSTRAINT measure_version_key IF NOT EXISTS FOR (n:MeasureVersion) REQUIRE (n.measureId, n.version) IS UNIQUE;
CREATE INDEX measure_version_domain IF NOT EXISTS FOR (n:MeasureVersion) ON (n.domain);
CREATE CONSTRAINT check_receipt_id IF NOT EXISTS FOR (n:CheckReceipt) REQUIRE n.id IS UNIQUE;
CREATE INDEX check_receipt_department IF NOT EXISTS FOR (n:CheckReceipt) ON (n.departmentId, n.checkedAt);
CREATE CONSTRAINT restriction_change_seq IF NOT EXISTS FOR (n:RestrictionChange) REQUIRE n.seq IS UNIQUE;
CREATE CONSTRAINT source_sync_source IF NOT EXISTS FOR (n:SourceSync) REQUIRE n.source IS UNIQUE;
