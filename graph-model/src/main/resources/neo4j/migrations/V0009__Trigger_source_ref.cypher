// Listings that follow from an inspection result carry its id as sourceRef (FOLLOW-04, FOLLOW-05).
CREATE INDEX restriction_trigger_source_ref IF NOT EXISTS FOR (n:RestrictionTrigger) ON (n.sourceRef);
