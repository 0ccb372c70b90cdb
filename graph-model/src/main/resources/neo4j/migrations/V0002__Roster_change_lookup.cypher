// Replaying a roster entry "as of" a date reads its changes by subject.
CREATE INDEX roster_change_subject IF NOT EXISTS FOR (n:RosterChange) ON (n.subjectKey, n.occurredOn);
