-- 食品安全 (issue 13, point 2): risk tiers A–D per SAMR Order 49 Art. 21 as a versioned model (data), each
-- business's current tier with its factor breakdown, the tier history, and the yearly plan's key on food_inspections.

-- The tier model, versioned; at most one version is active (none: the built-in default of src/domain/food-risk-model.ts).
-- body: { indicators, thresholds, visitsPerYear, fullScopeYears, higherLevelQuietMonths }.
CREATE TABLE food_risk_models (
  version     integer PRIMARY KEY,
  name        text NOT NULL,
  body        jsonb NOT NULL,
  active      boolean NOT NULL DEFAULT false,
  note        text,
  created_by  bigint REFERENCES users (id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX food_risk_models_active_idx ON food_risk_models (active) WHERE active;

-- The current tier of each business: score, the points of each factor (code → points) and the model version.
CREATE TABLE food_risk_tiers (
  business_id    bigint PRIMARY KEY REFERENCES food_businesses (id) ON DELETE CASCADE,
  tier           char(1) NOT NULL CHECK (tier IN ('A', 'B', 'C', 'D')),
  score          integer NOT NULL,
  factors        jsonb NOT NULL DEFAULT '{}',
  model_version  integer NOT NULL,
  computed_at    timestamptz NOT NULL DEFAULT now()
) WITH (fillfactor = 80);
CREATE INDEX food_risk_tiers_tier_idx ON food_risk_tiers (tier, business_id);

-- A row whenever a business's tier changes (its first tier included). No foreign key: the recompute writes up to one
-- row per business and only ids it just read (as risk_class_history).
CREATE TABLE food_risk_tier_history (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  business_id    bigint NOT NULL,
  tier           char(1) NOT NULL,
  previous_tier  char(1),
  score          integer NOT NULL,
  model_version  integer NOT NULL,
  changed_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX food_risk_tier_history_business_idx ON food_risk_tier_history (business_id, id);

-- The yearly plan's rows are planned routine food_inspections keyed by (business, plan year, n-th visit), so that
-- regenerating updates them in place instead of adding rows; a row that was started keeps its key but leaves the
-- partial unique index (it is no longer 'planned').
ALTER TABLE food_inspections ADD COLUMN plan_year integer, ADD COLUMN plan_seq integer;
CREATE UNIQUE INDEX food_inspections_plan_key_idx ON food_inspections (business_id, plan_year, plan_seq)
  WHERE status = 'planned' AND plan_year IS NOT NULL;
-- The history the model and the plan read per business: last done inspections by kind.
CREATE INDEX food_inspections_done_idx ON food_inspections (business_id, kind, inspected_on) WHERE status = 'done';
