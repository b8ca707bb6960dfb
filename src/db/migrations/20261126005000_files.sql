-- Attachments of every module (12315 evidence, inspection photos and files, decision documents). Blobs are
-- content-addressed: the same bytes are stored once and the SHA-256 is the integrity proof shown to users.
-- Kept in the database (not a local disk) so any app process can serve them and a backup holds everything.
CREATE TABLE file_blobs (
  sha256      text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes  bigint NOT NULL CHECK (size_bytes BETWEEN 0 AND 52428800),
  data        bytea NOT NULL
);

CREATE TABLE stored_files (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sha256         text NOT NULL REFERENCES file_blobs (sha256),
  filename       text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
  mime_type      text NOT NULL,
  size_bytes     bigint NOT NULL,
  -- who may open it: 'complaint-attachment' (complaint:read), 'inspection-evidence' (spotcheck:read),
  -- 'credit-document' (credit:read); and the owning unit, for data scope
  purpose        text NOT NULL,
  owner_unit_id  bigint NOT NULL REFERENCES org_units (id),
  created_by     bigint REFERENCES users (id),
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stored_files_sha256_idx ON stored_files (sha256);
