// Knowledge time of restriction answers: when the hub learnt of a fact, beside when the fact holds.
// A trigger's removal (credit repair) gets the time it was recorded, taken from its REMOVED event; links get
// recordedAt and validToRecordedAt from now on (links stored before have none and count as always known).
MATCH (t:RestrictionTrigger)-[:HAD]->(ev:TriggerEvent {kind: 'REMOVED'})
WHERE t.removedAt IS NOT NULL AND t.removalRecordedAt IS NULL
WITH t, min(ev.at) AS at
SET t.removalRecordedAt = at;
