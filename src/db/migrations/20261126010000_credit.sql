-- 信用监管: annual reports, abnormal / serious listings (one workflow with credit repair), decision documents,
-- the risk indicator model as versioned data, and the class history. The current class lives in
-- entity_risk_classes (shared with spot checks).

-- 年报: one row per entity and report year that was filed (imported or entered); absence means not filed.
CREATE TABLE annual_reports (
  entity_id    bigint NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  report_year  smallint NOT NULL CHECK (report_year BETWEEN 2000 AND 2100),
  filed_on     date NOT NULL,
  source       text NOT NULL CHECK (source IN ('entered', 'import', 'demo')),
  created_by   bigint REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (entity_id, report_year)
);
CREATE INDEX annual_reports_year_idx ON annual_reports (report_year, entity_id);

-- A batch of proposed listings that one decision approves (经营异常名录 or 严重违法失信名单).
CREATE TABLE credit_listing_batches (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  list          text NOT NULL CHECK (list IN ('abnormal', 'serious')),
  ground        text NOT NULL,
  report_year   smallint,
  owner_unit_id bigint NOT NULL REFERENCES org_units (id),
  status        text NOT NULL CHECK (status IN ('proposed', 'approved', 'discarded')),
  item_count    integer NOT NULL DEFAULT 0,
  decision_no   text,
  reason        text,
  decided_on    date,
  document_file_id bigint REFERENCES stored_files (id),
  proposed_by   bigint REFERENCES users (id),
  decided_by    bigint REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  version       integer NOT NULL DEFAULT 1
);
CREATE INDEX credit_listing_batches_unit_idx ON credit_listing_batches (owner_unit_id, id);

CREATE TABLE credit_listings (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity_id       bigint NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  station_id      bigint NOT NULL REFERENCES org_units (id),
  list            text NOT NULL CHECK (list IN ('abnormal', 'serious')),
  ground          text NOT NULL,
  report_year     smallint,
  batch_id        bigint REFERENCES credit_listing_batches (id),
  -- the abnormal listing a serious listing grew from
  source_listing_id bigint REFERENCES credit_listings (id),
  status          text NOT NULL CHECK (status IN ('proposed', 'listed', 'discarded', 'removed')),
  listed_on       date,
  decision_no     text,
  reason          text,
  removed_on      date,
  removal_decision_no text,
  removal_reason  text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1
);
CREATE INDEX credit_listings_entity_idx ON credit_listings (entity_id, id);
CREATE INDEX credit_listings_batch_idx ON credit_listings (batch_id, id);
CREATE INDEX credit_listings_status_idx ON credit_listings (list, status, listed_on, id);
-- One open (proposed or listed) listing per entity, list and ground/year.
CREATE UNIQUE INDEX credit_listings_open_idx ON credit_listings (entity_id, list, ground, COALESCE(report_year, 0))
  WHERE status IN ('proposed', 'listed');

-- 信用修复 applications.
CREATE TABLE credit_repairs (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity_id       bigint NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  listing_id      bigint NOT NULL REFERENCES credit_listings (id),
  station_id      bigint NOT NULL REFERENCES org_units (id),
  status          text NOT NULL CHECK (status IN ('applied', 'reviewed', 'approved', 'rejected')),
  applicant_name  text NOT NULL,
  application_text text NOT NULL,
  applied_on      date NOT NULL,
  conditions      jsonb,
  review_opinion  text,
  decision_no     text,
  decision_reason text,
  decided_on      date,
  document_file_id bigint REFERENCES stored_files (id),
  created_by      bigint REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1
);
CREATE INDEX credit_repairs_station_idx ON credit_repairs (station_id, id);
CREATE INDEX credit_repairs_entity_idx ON credit_repairs (entity_id, id);
CREATE UNIQUE INDEX credit_repairs_open_idx ON credit_repairs (listing_id) WHERE status IN ('applied', 'reviewed');

-- The one transition log of the credit workflow (batches, listings, repairs).
CREATE TABLE credit_events (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  subject_type  text NOT NULL CHECK (subject_type IN ('batch', 'listing', 'repair')),
  subject_id    bigint NOT NULL,
  entity_id     bigint REFERENCES entities (id) ON DELETE CASCADE,
  action        text NOT NULL,
  from_status   text,
  to_status     text,
  note          text,
  data          jsonb NOT NULL DEFAULT '{}',
  actor_id      bigint REFERENCES users (id),
  at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX credit_events_subject_idx ON credit_events (subject_type, subject_id, id);
CREATE INDEX credit_events_entity_idx ON credit_events (entity_id, id) WHERE entity_id IS NOT NULL;

-- Decision documents (决定书) issued by the workflow; the bytes are in the files module.
CREATE TABLE credit_documents (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind          text NOT NULL,
  decision_no   text NOT NULL,
  file_id       bigint NOT NULL REFERENCES stored_files (id),
  batch_id      bigint REFERENCES credit_listing_batches (id),
  listing_id    bigint REFERENCES credit_listings (id),
  repair_id     bigint REFERENCES credit_repairs (id),
  entity_id     bigint REFERENCES entities (id) ON DELETE CASCADE,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX credit_documents_entity_idx ON credit_documents (entity_id, id);
CREATE INDEX credit_documents_batch_idx ON credit_documents (batch_id);

-- The indicator model, versioned; exactly one version is active.
CREATE TABLE risk_models (
  version     integer PRIMARY KEY,
  name        text NOT NULL,
  body        jsonb NOT NULL,
  active      boolean NOT NULL DEFAULT false,
  note        text,
  created_by  bigint REFERENCES users (id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX risk_models_active_idx ON risk_models (active) WHERE active;

-- A row whenever an entity's class changes (its first class included). No foreign key on purpose: a full
-- recompute writes up to one row per entity (1.5 M) and the per-row FK trigger was a large share of that time;
-- entities are deregistered, not deleted, and the recompute only ever writes ids it just read from entities.
CREATE TABLE risk_class_history (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity_id       bigint NOT NULL,
  risk_class      char(1) NOT NULL,
  previous_class  char(1),
  score           integer NOT NULL,
  model_version   integer NOT NULL,
  changed_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX risk_class_history_entity_idx ON risk_class_history (entity_id, id);

-- Facts the recompute joins per entity range.
CREATE INDEX case_leads_entity_idx ON case_leads (entity_id, created_at) WHERE entity_id IS NOT NULL;

-- Room on each page for HOT updates when a recompute changes a score or model version but not the class.
ALTER TABLE entity_risk_classes SET (fillfactor = 80);
