-- Files uploaded for background jobs (entity import) and the reports they produce. Kept in the database,
-- not on a local disk, so the job may run in any app process. Stored as 1 MB chunks so that neither the
-- upload nor the job handles one huge bytea value; the size cap is enforced again here.

CREATE TABLE uploads (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  job_id        bigint NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  -- 'entity-import' (the uploaded file) | 'entity-import-errors' (the full error list, gzipped JSON)
  purpose       text NOT NULL,
  filename      text NOT NULL,
  format        text NOT NULL CHECK (format IN ('csv', 'xlsx', 'json.gz')),
  size_bytes    bigint NOT NULL CHECK (size_bytes BETWEEN 0 AND 52428800),
  sha256        text NOT NULL,
  created_by    bigint REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (job_id, purpose)
);

CREATE TABLE upload_chunks (
  upload_id  bigint NOT NULL REFERENCES uploads (id) ON DELETE CASCADE,
  seq        integer NOT NULL CHECK (seq >= 0),
  data       bytea NOT NULL,
  PRIMARY KEY (upload_id, seq)
);
