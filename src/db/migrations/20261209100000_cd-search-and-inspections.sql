-- 两品一械 (issue 14): text search over the businesses and inspections on the one visit engine.
--
-- Search: a copy of the registry name and USCC on cd_businesses (kept by the database, as food_businesses.name is),
-- and one GIN index over the character bigrams of the name, the licence / 备案 number and the USCC, so a fragment of
-- any of the three (2 characters are enough) is one index probe plus a LIKE recheck, and the newest-first walk passes
-- over these businesses only.
ALTER TABLE cd_businesses ADD COLUMN name text;
ALTER TABLE cd_businesses ADD COLUMN uscc text;
UPDATE cd_businesses b SET name = e.name, uscc = e.uscc FROM entities e WHERE e.id = b.entity_id;
ALTER TABLE cd_businesses ALTER COLUMN name SET NOT NULL;
ALTER TABLE cd_businesses ADD COLUMN search_bigrams tsvector GENERATED ALWAYS AS (
  case_name_bigrams(name) || case_name_bigrams(licence_no) || case_name_bigrams(uscc)) STORED;
CREATE INDEX cd_businesses_search_bigrams_idx ON cd_businesses USING gin (search_bigrams);

CREATE FUNCTION cd_business_name_from_entity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT e.name, e.uscc INTO NEW.name, NEW.uscc FROM entities e WHERE e.id = NEW.entity_id;
  RETURN NEW;
END $$;
CREATE TRIGGER cd_business_name_from_entity BEFORE INSERT OR UPDATE OF entity_id ON cd_businesses
  FOR EACH ROW EXECUTE FUNCTION cd_business_name_from_entity();

CREATE FUNCTION entity_name_to_cd_business() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cd_businesses SET name = NEW.name, uscc = NEW.uscc WHERE entity_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER entity_name_to_cd_business AFTER UPDATE OF name, uscc ON entities
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.uscc IS DISTINCT FROM NEW.uscc)
  EXECUTE FUNCTION entity_name_to_cd_business();

-- Inspections: each a visit of the one visit engine (a spot_check_plans row of kind 'cd', its one day the planned
-- day, so the inspectors' inbox shows the results due that day).
ALTER TABLE spot_check_plans DROP CONSTRAINT spot_check_plans_kind_check;
ALTER TABLE spot_check_plans ADD CONSTRAINT spot_check_plans_kind_check
  CHECK (kind IN ('spotCheck', 'food', 'gsp', 'cd'));

CREATE TABLE cd_inspections (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  business_id   bigint NOT NULL REFERENCES cd_businesses (id),
  visit_id      bigint NOT NULL UNIQUE REFERENCES spot_check_visits (id),
  planned_on    date NOT NULL,
  status        text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'done')),
  result        text CHECK (result IN ('pass', 'rectify', 'fail')),
  findings      text,
  inspected_on  date,
  created_by    bigint REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  version       integer NOT NULL DEFAULT 1,
  CHECK ((status = 'done') = (result IS NOT NULL))
);
CREATE INDEX cd_inspections_business_idx ON cd_inspections (business_id, id);
CREATE INDEX cd_inspections_created_by_idx ON cd_inspections (created_by);
