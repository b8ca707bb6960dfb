-- Fingerprints of the keys every app node must share (SECRET_KEY for personal data, AUDIT_KEY for the audit
-- checkpoints): a node started with another key refuses to start instead of writing data the others cannot read.
-- The fingerprint is an HMAC of a fixed text under the key; it does not reveal the key.
CREATE TABLE deployment_keys (
  name text PRIMARY KEY,
  fingerprint text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
