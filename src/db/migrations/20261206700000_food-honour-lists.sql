-- 食品安全 (issue 13, points 10 and 11): the monthly 红黑榜 of a station, drafted from grades, inspections and
-- sampling by rules kept as configuration (src/domain/food-honour.ts), reviewed and approved by the station chief and
-- published to the portal and the open data; and the indexes the public grade search and open-data API page on.

CREATE TABLE food_honour_lists (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  station_id    bigint NOT NULL REFERENCES org_units (id),
  -- the first day of the month the list covers
  month         date NOT NULL CHECK (extract(day FROM month) = 1),
  status        text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'published', 'withdrawn')),
  -- the rules it was drafted with (a copy, so a later change of the configuration does not rewrite history)
  rules         jsonb NOT NULL,
  drafted_by    bigint REFERENCES users (id),
  drafted_at    timestamptz NOT NULL DEFAULT now(),
  approved_by   bigint REFERENCES users (id),
  approved_at   timestamptz,
  published_at  timestamptz,
  withdrawn_reason text,
  version       integer NOT NULL DEFAULT 1
);
-- One live list per station and month; a withdrawn one may be drafted again.
CREATE UNIQUE INDEX food_honour_lists_month_idx ON food_honour_lists (station_id, month) WHERE status <> 'withdrawn';
CREATE INDEX food_honour_lists_published_idx ON food_honour_lists (month DESC, id DESC) WHERE status = 'published';

-- One business on the red (红榜) or black (黑榜) board of a list. Name and licence are copied at drafting: what was
-- published stays as published. `segment` workshop: 小作坊 listed apart, as the Zhejiang seed does.
CREATE TABLE food_honour_entries (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  list_id         bigint NOT NULL REFERENCES food_honour_lists (id) ON DELETE CASCADE,
  business_id     bigint NOT NULL REFERENCES food_businesses (id) ON DELETE CASCADE,
  board           text NOT NULL CHECK (board IN ('red', 'black')),
  segment         text NOT NULL DEFAULT 'business' CHECK (segment IN ('business', 'workshop')),
  business_name   text NOT NULL,
  licence_no      text,
  address         text,
  grade           text,
  reasons         text[] NOT NULL,
  removed_reason  text,
  removed_by      bigint REFERENCES users (id),
  UNIQUE (list_id, business_id)
);
CREATE INDEX food_honour_entries_business_idx ON food_honour_entries (business_id, list_id);

-- Open data pages grades by id (new grades append at the end, so a harvester's cursor never skips or repeats).
CREATE INDEX food_grades_open_current_idx ON food_grades (id) WHERE status = 'current';
CREATE INDEX food_grades_open_created_idx ON food_grades (created_at, id);
-- 红黑榜 counts failed inspections of a station's businesses in a 12-month window.
CREATE INDEX food_inspections_station_done_idx ON food_inspections (station_id, inspected_on) WHERE status = 'done';

-- The chief approves and publishes: a new permission for the built-in roles of an existing install.
UPDATE roles SET permissions = permissions || ARRAY['food:approve']
  WHERE builtin AND code IN ('admin', 'station_chief') AND NOT ('food:approve' = ANY (permissions));
