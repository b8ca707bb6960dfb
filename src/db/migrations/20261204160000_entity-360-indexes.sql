-- The entity page lists every visit to one entity in the caller's reach, whatever its status (the public profile's
-- index covers only published ones). The (plan_id, entity_id) unique key does not lead with the entity. A draw
-- writing tens of thousands of visits pays one more btree entry per visit.
CREATE INDEX spot_check_visits_entity_idx ON spot_check_visits (entity_id, id DESC);
