-- The work report (entities at the end of a period, new ones by type) and the credit class distribution (by
-- station and industry division) read every entity in scope but only these columns. Carried in the station index,
-- they are read by an index-only scan (≈ 60 B per entity) instead of the register's heap (≈ 870 B per entity):
-- on the demo district 32 → 11 ms CPU per scan on PGlite (docs/SCALING.md, "One machine, embedded").
DROP INDEX entities_station_idx;
CREATE INDEX entities_station_idx ON entities (station_id, id) INCLUDE (established_on, status, type, industry_code);
