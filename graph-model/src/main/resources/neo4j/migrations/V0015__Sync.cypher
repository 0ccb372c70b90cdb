// Source sync (connectors): checkpoints per source and stream, dead letters and leases.
CREATE CONSTRAINT sync_checkpoint_key IF NOT EXISTS FOR (n:SyncCheckpoint) REQUIRE (n.source, n.stream) IS UNIQUE;
CREATE CONSTRAINT dead_letter_id IF NOT EXISTS FOR (n:DeadLetter) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT dead_letter_position IF NOT EXISTS FOR (n:DeadLetter) REQUIRE (n.source, n.stream, n.position) IS UNIQUE;
CREATE INDEX dead_letter_status IF NOT EXISTS FOR (n:DeadLetter) ON (n.status);
CREATE CONSTRAINT sync_lock_name IF NOT EXISTS FOR (n:SyncLock) REQUIRE n.name IS UNIQUE;
