-- 食品安全 (issue 13): the two tables every later food part reads or writes, so that risk tiers and the yearly plan,
-- routine inspections, grades, placards, appeals and the public pages agree on one shape.

-- One food inspection of a business. Inspectors, checklist results, photos and signatures live on the
-- spot_check_visits row it points to (one visit engine); this row holds what food adds.
CREATE TABLE food_inspections (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  business_id   bigint NOT NULL REFERENCES food_businesses (id) ON DELETE CASCADE,
  visit_id      bigint UNIQUE,
  -- routine 日常监督检查, followup 整改复查, revisit the business's re-rating request, higher an inspection by a
  -- higher level (Order 49 Art. 42: no routine repeat within 3 months of it)
  kind          text NOT NULL CHECK (kind IN ('routine', 'followup', 'revisit', 'higher')),
  -- full: every point of the checklist (Art. 22: at least once every 2 years)
  full_scope    boolean NOT NULL DEFAULT false,
  level         text NOT NULL DEFAULT 'district' CHECK (level IN ('district', 'city', 'province', 'national')),
  status        text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'inProgress', 'done', 'cancelled')),
  planned_on    date,
  inspected_on  date,
  -- 符合 / 基本符合 / 不符合
  result        text CHECK (result IN ('pass', 'basicPass', 'fail')),
  score         numeric(5, 1) CHECK (score BETWEEN 0 AND 100),
  station_id    bigint NOT NULL REFERENCES org_units (id),
  created_by    bigint REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  version       integer NOT NULL DEFAULT 1
);
CREATE INDEX food_inspections_business_idx ON food_inspections (business_id, inspected_on DESC NULLS FIRST, id);
CREATE INDEX food_inspections_planned_idx ON food_inspections (station_id, planned_on, id) WHERE status IN ('planned', 'inProgress');

-- 量化分级: a dynamic grade per inspection (excellent 优秀/大笑, good 良好/微笑, fair 一般/平脸, none 不予评级) and a
-- yearly grade (A/B/C). A business has at most one current grade of each kind; a newer one supersedes it.
CREATE TABLE food_grades (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  business_id    bigint NOT NULL REFERENCES food_businesses (id) ON DELETE CASCADE,
  kind           text NOT NULL CHECK (kind IN ('dynamic', 'annual')),
  grade          text NOT NULL CHECK (grade IN ('excellent', 'good', 'fair', 'none', 'A', 'B', 'C')),
  score          numeric(5, 1),
  inspection_id  bigint REFERENCES food_inspections (id),
  -- the year an annual grade covers
  year           integer,
  graded_on      date NOT NULL,
  -- withdrawn: set aside on appeal
  status         text NOT NULL DEFAULT 'current' CHECK (status IN ('current', 'superseded', 'withdrawn')),
  superseded_by  bigint REFERENCES food_grades (id),
  superseded_on  date,
  created_by     bigint REFERENCES users (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'dynamic') = (grade IN ('excellent', 'good', 'fair', 'none')))
);
CREATE UNIQUE INDEX food_grades_current_idx ON food_grades (business_id, kind) WHERE status = 'current';
CREATE INDEX food_grades_business_idx ON food_grades (business_id, graded_on DESC, id);

-- The business's right to reply (FHRS): a short text shown beside its current grade once published.
CREATE TABLE food_grade_replies (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  business_id   bigint NOT NULL REFERENCES food_businesses (id) ON DELETE CASCADE,
  grade_id      bigint NOT NULL REFERENCES food_grades (id) ON DELETE CASCADE,
  body          text NOT NULL CHECK (length(body) BETWEEN 1 AND 1000),
  status        text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'published', 'rejected')),
  published_at  timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX food_grade_replies_grade_idx ON food_grade_replies (grade_id, id) WHERE status = 'published';
