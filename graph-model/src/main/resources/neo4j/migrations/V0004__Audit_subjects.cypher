// Who did what to an inspection, a draw, an enterprise: events reach their subjects through one indexed key.
CREATE CONSTRAINT audit_subject_key IF NOT EXISTS FOR (n:AuditSubject) REQUIRE n.key IS UNIQUE;
CREATE INDEX audit_event_actor IF NOT EXISTS FOR (n:AuditEvent) ON (n.actor);
