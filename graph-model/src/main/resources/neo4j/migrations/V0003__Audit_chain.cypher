// One event per sequence number; one head that appenders lock.
CREATE CONSTRAINT audit_event_seq IF NOT EXISTS FOR (n:AuditEvent) REQUIRE n.seq IS UNIQUE;
CREATE CONSTRAINT audit_head_id IF NOT EXISTS FOR (n:AuditHead) REQUIRE n.id IS UNIQUE;
