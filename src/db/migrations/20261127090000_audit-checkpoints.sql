-- Keyed checkpoints of the audit chain's head (src/modules/audit/checkpoints.ts, docs/AUDIT.md). Each signs, with
-- AUDIT_KEY (a key kept outside the database), the head row's id and hash, the number of rows up to it and the
-- time: a deleted tail or a rewrite with every later hash recomputed no longer matches a checkpoint. No foreign
-- key to audit_log on purpose: a deleted row must be found missing by verification, not cascade or block.
CREATE TABLE audit_checkpoints (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          timestamptz NOT NULL,
  audit_id    bigint NOT NULL,
  audit_hash  text NOT NULL,
  row_count   bigint NOT NULL,
  reason      text NOT NULL CHECK (reason IN ('rows', 'daily')),
  mac         text NOT NULL
);
CREATE INDEX audit_checkpoints_audit_idx ON audit_checkpoints (audit_id DESC, id DESC);
