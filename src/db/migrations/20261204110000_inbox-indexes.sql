-- The work inbox (src/modules/inbox) asks every module for its steps falling due. Spot checks: inspected visits
-- whose results are to be published (公示, 20 working days), by due date. Partial, so a draw writing tens of
-- thousands of assigned visits pays nothing for it; a visit enters it when its results are entered.
CREATE INDEX spot_check_visits_publish_due_idx ON spot_check_visits (publish_due_on, id) WHERE status = 'inspected';
