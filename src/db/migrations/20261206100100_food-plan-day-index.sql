-- The plan's calendar and day lists: routine visits by planned day (any status, so started and done ones show too).
CREATE INDEX food_inspections_plan_day_idx ON food_inspections (planned_on, station_id) WHERE kind = 'routine';
