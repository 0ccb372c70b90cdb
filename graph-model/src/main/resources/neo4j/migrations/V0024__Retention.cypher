// Retention (issue 22): export files recorded by name, and range indexes for finding what is older than a window.
CREATE CONSTRAINT retention_export_file IF NOT EXISTS FOR (n:RetentionExport) REQUIRE n.file IS UNIQUE;
CREATE INDEX retention_export_kind IF NOT EXISTS FOR (n:RetentionExport) ON (n.kind, n.from);
CREATE INDEX check_receipt_checked_at IF NOT EXISTS FOR (n:CheckReceipt) ON (n.checkedAt);
CREATE INDEX evidence_file_stored_at IF NOT EXISTS FOR (n:EvidenceFile) ON (n.storedAt);
