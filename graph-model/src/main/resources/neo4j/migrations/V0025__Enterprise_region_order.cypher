// A region's enterprises in USCC order off the index: a page of a region reads a page, not every enterprise it holds.
CREATE INDEX enterprise_region_uscc IF NOT EXISTS FOR (n:Enterprise) ON (n.regionCode, n.uscc);
