-- A consumer alert about one business belongs to that business's station (its chief sees it); an alert about a
-- category across the district has none and is for callers who see the whole district.
ALTER TABLE complaint_alerts ADD COLUMN station_id bigint REFERENCES org_units (id);
UPDATE complaint_alerts a SET station_id = e.station_id
  FROM entities e WHERE a.scope = 'entity' AND a.scope_key ~ '^\d+$' AND e.id = a.scope_key::bigint;
CREATE INDEX complaint_alerts_station_idx ON complaint_alerts (station_id, id) WHERE station_id IS NOT NULL;
