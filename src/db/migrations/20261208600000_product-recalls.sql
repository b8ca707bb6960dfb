-- 缺陷产品召回 and public risk alerts (issue 14, point 12; docs/PRODUCT-RECALLS.md).
-- A recall belongs to the producer's station or to the district (station_id is the owning unit).
CREATE TABLE product_recalls (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity_id        bigint NOT NULL REFERENCES entities (id),
  station_id       bigint NOT NULL REFERENCES org_units (id),
  product_name     text NOT NULL,
  batches          text NOT NULL,
  defect           text NOT NULL,
  quantity         integer NOT NULL CHECK (quantity > 0),
  recovered        integer NOT NULL DEFAULT 0 CHECK (recovered >= 0 AND recovered <= quantity),
  plan             text NOT NULL,
  plan_filed_on    date NOT NULL,
  status           text NOT NULL CHECK (status IN ('planned', 'inProgress', 'completed')),
  completed_on     date,
  completion_note  text,
  published_on     date,
  created_by       bigint REFERENCES users (id),
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX product_recalls_station_idx ON product_recalls (station_id, id);
CREATE INDEX product_recalls_entity_idx ON product_recalls (entity_id);
CREATE INDEX product_recalls_created_by_idx ON product_recalls (created_by);
CREATE INDEX product_recalls_published_idx ON product_recalls (published_on DESC, id DESC) WHERE published_on IS NOT NULL;

CREATE TABLE product_recall_reports (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  recall_id           bigint NOT NULL REFERENCES product_recalls (id),
  reported_on         date NOT NULL,
  quantity_recovered  integer NOT NULL CHECK (quantity_recovered > 0),
  note                text,
  file_id             bigint REFERENCES stored_files (id),
  created_by          bigint REFERENCES users (id),
  created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX product_recall_reports_recall_idx ON product_recall_reports (recall_id, reported_on, id);
CREATE INDEX product_recall_reports_file_idx ON product_recall_reports (file_id) WHERE file_id IS NOT NULL;
CREATE INDEX product_recall_reports_created_by_idx ON product_recall_reports (created_by);

CREATE TABLE product_recall_events (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  recall_id    bigint NOT NULL REFERENCES product_recalls (id),
  action       text NOT NULL,
  from_status  text,
  to_status    text NOT NULL,
  note         text,
  actor_id     bigint REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX product_recall_events_recall_idx ON product_recall_events (recall_id, id);
CREATE INDEX product_recall_events_actor_idx ON product_recall_events (actor_id);

-- One imported file of public risk alerts (EU Safety Gate, SAMR 召回通告 …): district-wide reference data.
CREATE TABLE product_alert_batches (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  filename     text NOT NULL,
  alert_count  integer NOT NULL,
  match_count  integer NOT NULL DEFAULT 0,
  imported_by  bigint REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX product_alert_batches_imported_by_idx ON product_alert_batches (imported_by);

CREATE TABLE product_alerts (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  batch_id       bigint NOT NULL REFERENCES product_alert_batches (id),
  row_no         integer NOT NULL,
  source_ref     text NOT NULL,
  source         text NOT NULL,
  published_on   date NOT NULL,
  product_name   text NOT NULL,
  risk           text NOT NULL,
  producer_name  text,
  producer_uscc  text COLLATE "C",
  seller_name    text,
  seller_uscc    text COLLATE "C",
  -- The names' bigram tsquery text (src/domain/bigrams.ts), computed at import, so matching is one statement.
  producer_query text,
  seller_query   text
);
CREATE INDEX product_alerts_batch_idx ON product_alerts (batch_id, id);

-- A registered entity an alert names (by USCC, else by its exact name found through entities.name_bigrams);
-- owned by the entity's station; staff confirm (→ 案件线索) or dismiss it.
CREATE TABLE product_alert_matches (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  alert_id     bigint NOT NULL REFERENCES product_alerts (id),
  entity_id    bigint NOT NULL REFERENCES entities (id),
  station_id   bigint NOT NULL REFERENCES org_units (id),
  role         text NOT NULL CHECK (role IN ('producer', 'seller')),
  matched_by   text NOT NULL CHECK (matched_by IN ('uscc', 'name')),
  status       text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'dismissed')),
  due_on       date NOT NULL,
  note         text,
  lead_code    text,
  decided_by   bigint REFERENCES users (id),
  decided_at   timestamptz,
  version      integer NOT NULL DEFAULT 1,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (alert_id, role, entity_id)
);
CREATE INDEX product_alert_matches_station_idx ON product_alert_matches (station_id, id);
CREATE INDEX product_alert_matches_entity_idx ON product_alert_matches (entity_id);
CREATE INDEX product_alert_matches_decided_by_idx ON product_alert_matches (decided_by);
CREATE INDEX product_alert_matches_pending_idx ON product_alert_matches (due_on, id) WHERE status = 'pending';
