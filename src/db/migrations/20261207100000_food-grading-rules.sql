-- 食品安全 (issue 13): the 量化分级 rules (不符合 thresholds, deductions, dynamic and annual bands, embargoes, deadlines)
-- are provincial configuration a bureau edits, versioned like the risk-tier model: exactly one version is active and
-- grades every inspection submitted while it is. body is a FoodGradingConfig (src/domain/food-grading.ts), validated
-- by ZFoodGradingConfig (src/contracts/food-rules.ts). Version 1 is the built-in default; a test pins it to
-- foodGradingDefaults.
CREATE TABLE food_grading_rules (
  version       integer PRIMARY KEY,
  name          text NOT NULL,
  body          jsonb NOT NULL,
  active        boolean NOT NULL DEFAULT false,
  note          text,
  created_by    bigint REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  activated_by  bigint REFERENCES users (id),
  activated_at  timestamptz
);
CREATE UNIQUE INDEX food_grading_rules_active_idx ON food_grading_rules (active) WHERE active;

INSERT INTO food_grading_rules (version, name, body, active, note, activated_at) VALUES (
  1,
  '省级默认规则',
  '{"failOnKeyFailures":1,"failOnGeneralFailures":6,"keyDeduction":15,"generalDeduction":5,
    "bands":{"excellent":90,"good":75,"fair":60},"noGradeOnKeyFailures":2,
    "rectifyWorkingDays":{"basicPass":15,"fail":10},"newLicenceEmbargoMonths":3,"incidentEmbargoMonths":6,
    "annual":{"A":90,"B":75,"windowMonths":12,"noneCapsAtC":true},"publishWorkingDays":20}'::jsonb,
  true,
  '内置默认规则',
  now()
);

-- The rules version an inspection's result, score and dynamic grade were computed under (null: before versions).
ALTER TABLE food_inspections ADD COLUMN grading_rules_version integer REFERENCES food_grading_rules (version);
