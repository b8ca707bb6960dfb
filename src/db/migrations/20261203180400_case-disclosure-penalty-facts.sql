-- The cases module's published view of penalty decisions, for the credit risk model's penalty fact (penalties3y).
-- Modules do not read each other's tables: the credit module reads this view, never `cases`, so the cases module
-- may change its tables as long as the view keeps its meaning. One row per decision in force: a penalty decision
-- (general procedure, or a summary one) that has not been changed, revoked or annulled.
CREATE VIEW case_penalty_facts AS
  SELECT c.id AS case_id, c.entity_id, c.decided_on
    FROM cases c
   WHERE c.entity_id IS NOT NULL
     AND c.decided_on IS NOT NULL
     AND c.status <> 'annulled'
     AND (c.decision_kind = 'penalty' OR (c.procedure = 'summary' AND c.decision_kind IS NULL));

-- The portal lists a station's publications newest first and looks decisions up by number.
CREATE INDEX case_disclosures_no_idx ON case_disclosures (decision_no);
CREATE INDEX case_disclosures_station_idx ON case_disclosures (station_id, id DESC);
CREATE INDEX case_disclosures_display_idx ON case_disclosures (display_until) WHERE status = 'published';
