// A region's enterprises in either page order off an index: a page of a region reads a page, not every enterprise it holds.
CREATE INDEX enterprise_region_uscc IF NOT EXISTS FOR (n:Enterprise) ON (n.regionCode, n.uscc);
CREATE INDEX enterprise_region_name IF NOT EXISTS FOR (n:Enterprise) ON (n.regionCode, n.name, n.uscc);
