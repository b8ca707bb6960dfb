-- The role home pages at city scale (issue 12 point 10, bench scenario `home`).
-- Spot checks: drawn visits whose results are still to be entered, per plan in key order (the work inbox walks a
-- plan's assigned visits and stops at its limit), and per station and plan (a chief's counts). Partial: entered
-- results leave them.
CREATE INDEX spot_check_visits_assigned_idx ON spot_check_visits (plan_id, entity_id) WHERE status = 'assigned';
CREATE INDEX spot_check_visits_assigned_station_idx ON spot_check_visits (station_id, plan_id, entity_id)
  WHERE status = 'assigned';
-- A visit's drawn inspectors (the participant rule `inspector_ids && …`, an inspector's own visits).
CREATE INDEX spot_check_visits_inspectors_idx ON spot_check_visits USING gin (inspector_ids);
-- 12315 items not closed per station and handler: a chief's team workload counts them without walking the history
-- (with the id: from the index alone, the rows of one station lie all over the table).
CREATE INDEX complaints_not_closed_idx ON complaints (station_id, handler_id, id) WHERE status <> 'closed';
-- Inspected visits whose results are to be published, per station (a chief's or inspector's publication counts).
CREATE INDEX spot_check_visits_publish_station_idx ON spot_check_visits (station_id, publish_due_on)
  WHERE status = 'inspected';
-- An item's running clocks (team workload: "has a running clock" per item in hand, not a hash of every open clock).
CREATE INDEX complaint_deadlines_open_item_idx ON complaint_deadlines (complaint_id) WHERE met_at IS NULL;
