-- The role home pages at city scale (issue 12 point 10, bench scenario `home`).
-- Spot checks: drawn visits whose results are still to be entered, per plan in key order: the work inbox walks a
-- plan's assigned visits and stops at its limit. Covering (station, drawn inspectors, id): the caller's reach is
-- tested on the index entry, so a chief's or an inspector's counts read no table rows. Partial: entered results
-- leave it.
CREATE INDEX spot_check_visits_assigned_idx ON spot_check_visits (plan_id, entity_id)
  INCLUDE (id, station_id, inspector_ids) WHERE status = 'assigned';
-- Results to publish (公示) by due date, covering likewise (it replaces the index of the same name).
DROP INDEX spot_check_visits_publish_due_idx;
CREATE INDEX spot_check_visits_publish_due_idx ON spot_check_visits (publish_due_on, id)
  INCLUDE (plan_id, entity_id, station_id, inspector_ids) WHERE status = 'inspected';
-- A visit's drawn inspectors (the participant rule `inspector_ids && …`, an inspector's own visits).
CREATE INDEX spot_check_visits_inspectors_idx ON spot_check_visits USING gin (inspector_ids);
-- 12315 items not closed per station and handler: a chief's team workload counts them without walking the history
-- (with the id: from the index alone, the rows of one station lie all over the table).
CREATE INDEX complaints_not_closed_idx ON complaints (station_id, handler_id, id) WHERE status <> 'closed';
-- An item's running clocks (team workload: "has a running clock" per item in hand, not a hash of every open clock).
CREATE INDEX complaint_deadlines_open_item_idx ON complaint_deadlines (complaint_id) WHERE met_at IS NULL;
-- Running clocks by due date with their item (it replaces the index of the same name): the inbox's lists come in
-- (due_on, complaint_id) order and a scoped caller's counts probe the item's station from the index alone.
DROP INDEX complaint_deadlines_open_idx;
CREATE INDEX complaint_deadlines_open_idx ON complaint_deadlines (due_on, complaint_id) WHERE met_at IS NULL;
