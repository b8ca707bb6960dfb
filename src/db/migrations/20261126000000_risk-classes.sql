-- 信用风险分类 results, shared by the credit module (writes) and spot checks (stratified draws read them).
-- One current row per entity; the credit module keeps history and the model versions in its own tables.
CREATE TABLE entity_risk_classes (
  entity_id      bigint PRIMARY KEY REFERENCES entities (id) ON DELETE CASCADE,
  risk_class     char(1) NOT NULL CHECK (risk_class IN ('A', 'B', 'C', 'D')),
  score          integer NOT NULL,
  model_version  integer NOT NULL,
  computed_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX entity_risk_classes_class_idx ON entity_risk_classes (risk_class, entity_id);

-- Outbox for incremental recompute: any module that learns an adverse fact (listing, penalty, a problem found
-- in a spot check) inserts the entity here in its own transaction; the credit job drains it.
CREATE TABLE risk_recompute_queue (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity_id  bigint NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  reason     text NOT NULL,
  queued_at  timestamptz NOT NULL DEFAULT now()
);
