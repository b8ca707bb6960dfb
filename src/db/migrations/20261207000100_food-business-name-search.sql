-- The portal's food search by name reads the food businesses alone: a copy of the registry name on
-- food_businesses with its character bigrams (as entities.name_bigrams, by case_name_bigrams) and their own GIN
-- index. Searched through entities, a fragment shared by some thousands of the city's 1.5 M entities made every
-- query read those thousands of entity rows (0.2–0.5 s) to find the food businesses among them; here the index holds
-- food businesses only and the newest-first walk passes over food businesses only.
-- The copy is kept by the database: set from the entity when a business is made (or moved to another entity), and
-- follows the entity's name when it changes, whichever module or import changes it.
ALTER TABLE food_businesses ADD COLUMN name text;
UPDATE food_businesses fb SET name = e.name FROM entities e WHERE e.id = fb.entity_id;
ALTER TABLE food_businesses ALTER COLUMN name SET NOT NULL;
ALTER TABLE food_businesses ADD COLUMN name_bigrams tsvector GENERATED ALWAYS AS (case_name_bigrams(name)) STORED;
CREATE INDEX food_businesses_name_bigrams_idx ON food_businesses USING gin (name_bigrams);

CREATE FUNCTION food_business_name_from_entity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT e.name INTO NEW.name FROM entities e WHERE e.id = NEW.entity_id;
  RETURN NEW;
END $$;
CREATE TRIGGER food_business_name_from_entity BEFORE INSERT OR UPDATE OF entity_id ON food_businesses
  FOR EACH ROW EXECUTE FUNCTION food_business_name_from_entity();

CREATE FUNCTION entity_name_to_food_business() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE food_businesses SET name = NEW.name WHERE entity_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER entity_name_to_food_business AFTER UPDATE OF name ON entities
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION entity_name_to_food_business();
