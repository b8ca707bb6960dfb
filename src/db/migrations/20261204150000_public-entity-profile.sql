-- The public entity profile lists one entity's published spot-check results: a partial index, written only when a
-- visit is published (never during a draw, whose visits start as 'assigned').
CREATE INDEX spot_check_visits_entity_published_idx ON spot_check_visits (entity_id, id) WHERE status = 'published';
