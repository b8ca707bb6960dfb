-- 双随机、一公开: catalog (抽查事项清单), inspector pool (执法检查人员名录库), entity pools (检查对象名录库),
-- plans and tasks, verifiable draws, visits (one per entity per plan: 进一次门、查多项事), results.

CREATE TABLE spot_check_items (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  department_id  bigint NOT NULL REFERENCES org_units (id),
  code           text NOT NULL UNIQUE,
  name           text NOT NULL,
  level          text NOT NULL CHECK (level IN ('general', 'key')),
  legal_basis    text NOT NULL,
  checklist      text[] NOT NULL DEFAULT '{}',
  active         boolean NOT NULL DEFAULT true,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX spot_check_items_department_idx ON spot_check_items (department_id, id);

CREATE TABLE spot_check_inspectors (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name            text NOT NULL,
  department_id   bigint NOT NULL REFERENCES org_units (id),
  station_id      bigint REFERENCES org_units (id),
  qualifications  text[] NOT NULL DEFAULT '{}',
  user_id         bigint UNIQUE REFERENCES users (id),
  active          boolean NOT NULL DEFAULT true,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX spot_check_inspectors_department_idx ON spot_check_inspectors (department_id, id) WHERE active;

-- 回避: declared conflicts of interest between an inspector and an entity.
CREATE TABLE spot_check_conflicts (
  inspector_id  bigint NOT NULL REFERENCES spot_check_inspectors (id) ON DELETE CASCADE,
  entity_id     bigint NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  reason        text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (inspector_id, entity_id)
);

-- A saved filter over the registry; it is evaluated (and frozen) when a draw starts.
CREATE TABLE spot_check_entity_pools (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name           text NOT NULL,
  owner_unit_id  bigint NOT NULL REFERENCES org_units (id),
  filter         jsonb NOT NULL,
  created_by     bigint REFERENCES users (id),
  created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE spot_check_plans (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name           text NOT NULL,
  period_start   date NOT NULL,
  period_end     date NOT NULL CHECK (period_end >= period_start),
  owner_unit_id  bigint NOT NULL REFERENCES org_units (id),
  created_by     bigint REFERENCES users (id),
  created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE spot_check_tasks (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id              bigint NOT NULL REFERENCES spot_check_plans (id),
  name                 text NOT NULL,
  pool_id              bigint NOT NULL REFERENCES spot_check_entity_pools (id),
  -- Sampling ratio per risk class, fractions 0..1: {"A":0.03,"B":0.05,"C":0.1,"D":0.2}.
  ratios               jsonb NOT NULL,
  inspectors_per_visit integer NOT NULL DEFAULT 2 CHECK (inspectors_per_visit >= 2),
  avoid_own_station    boolean NOT NULL DEFAULT false,
  status               text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'frozen', 'drawn', 'closed', 'cancelled')),
  owner_unit_id        bigint NOT NULL REFERENCES org_units (id),
  created_by           bigint REFERENCES users (id),
  version              integer NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX spot_check_tasks_plan_idx ON spot_check_tasks (plan_id, id);

CREATE TABLE spot_check_task_items (
  task_id  bigint NOT NULL REFERENCES spot_check_tasks (id) ON DELETE CASCADE,
  item_id  bigint NOT NULL REFERENCES spot_check_items (id),
  PRIMARY KEY (task_id, item_id)
);

CREATE TABLE spot_check_task_events (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  task_id     bigint NOT NULL REFERENCES spot_check_tasks (id) ON DELETE CASCADE,
  action      text NOT NULL,
  from_status text,
  to_status   text NOT NULL,
  data        jsonb NOT NULL DEFAULT '{}',
  actor_id    bigint REFERENCES users (id),
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX spot_check_task_events_task_idx ON spot_check_task_events (task_id, id);

-- One draw per task. The seed stays secret (never served) until status is 'drawn'.
CREATE TABLE spot_check_draws (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  task_id             bigint NOT NULL UNIQUE REFERENCES spot_check_tasks (id),
  algorithm           text NOT NULL,
  pool_hash           text NOT NULL,
  pool_size           integer NOT NULL,
  unclassified_count  integer NOT NULL,
  class_counts        jsonb NOT NULL,
  commitment          text NOT NULL,
  seed                text NOT NULL,
  ratios              jsonb NOT NULL,
  frozen_at           timestamptz NOT NULL DEFAULT now(),
  drawn_at            timestamptz,
  drawn_count         integer
);

-- The frozen pool exactly as hashed: lines "id,class\n" sorted by id (see spot-check-draw.ts).
CREATE TABLE spot_check_draw_pools (
  draw_id  bigint PRIMARY KEY REFERENCES spot_check_draws (id) ON DELETE CASCADE,
  entries  text NOT NULL
);
-- Stored out of line but uncompressed: ~12 MB per 1.3 M-entity pool, written and read back once per draw,
-- where pglz compression cost more time than the space is worth.
ALTER TABLE spot_check_draw_pools ALTER COLUMN entries SET STORAGE EXTERNAL;

-- The draw's bulk rows (visits, tens of thousands per draw) carry no row-level foreign keys: a FK check per
-- row cost ~10 s per 70 k drawn entities on the bench. They are written only by persistDraw, from ids read in
-- the same transaction (entities are never deleted, only change status), and never deleted.
-- A draw's result is the entities of the visits that list its task; their classes are in the frozen pool.

-- One visit per entity per plan, however many tasks drew it. The tasks and the inspectors of a visit are
-- arrays on the row, not link tables: a 5 % draw over 1.5 M entities writes 70 k visits, and every link row
-- (two or three per visit) cost another heap and index write inside the draw's time budget.
CREATE TABLE spot_check_visits (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id        bigint NOT NULL,
  entity_id      bigint NOT NULL,
  station_id     bigint NOT NULL,
  task_ids       bigint[] NOT NULL,
  inspector_ids  bigint[] NOT NULL,
  status         text NOT NULL DEFAULT 'assigned' CHECK (status IN ('assigned', 'inspected', 'published')),
  inspected_on   date,
  publish_due_on date,
  published_at   timestamptz,
  version        integer NOT NULL DEFAULT 1,
  UNIQUE (plan_id, entity_id)
);
-- No station index: a station-scoped list walks the primary key backwards and filters (a station holds about
-- an eighth of the visits), and the index would cost a write per visit inside the draw.
CREATE INDEX spot_check_visits_tasks_idx ON spot_check_visits USING gin (task_ids);
CREATE INDEX spot_check_visits_published_idx ON spot_check_visits (published_at DESC, id) WHERE status = 'published';

CREATE TABLE spot_check_results (
  visit_id     bigint NOT NULL REFERENCES spot_check_visits (id) ON DELETE CASCADE,
  item_id      bigint NOT NULL REFERENCES spot_check_items (id),
  category     text NOT NULL,
  notes        text,
  file_ids     bigint[] NOT NULL DEFAULT '{}',
  case_lead_ref text,
  recorded_by  bigint REFERENCES users (id),
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (visit_id, item_id)
);
