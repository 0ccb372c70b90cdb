// Source sync (connectors): checkpoints per source and stream, dead letters and leases; the outbox.
CREATE CONSTRAINT sync_checkpoint_key IF NOT EXISTS FOR (n:SyncCheckpoint) REQUIRE (n.source, n.stream) IS UNIQUE;
CREATE CONSTRAINT dead_letter_id IF NOT EXISTS FOR (n:DeadLetter) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT dead_letter_position IF NOT EXISTS FOR (n:DeadLetter) REQUIRE (n.source, n.stream, n.position) IS UNIQUE;
CREATE INDEX dead_letter_status IF NOT EXISTS FOR (n:DeadLetter) ON (n.status);
CREATE CONSTRAINT sync_lock_name IF NOT EXISTS FOR (n:SyncLock) REQUIRE n.name IS UNIQUE;
// The outbox of messages to other systems (published results to the credit platform).
CREATE CONSTRAINT outbox_message_id IF NOT EXISTS FOR (n:OutboxMessage) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT outbox_message_key IF NOT EXISTS FOR (n:OutboxMessage) REQUIRE n.idempotencyKey IS UNIQUE;
CREATE INDEX outbox_message_due IF NOT EXISTS FOR (n:OutboxMessage) ON (n.status, n.destination);
