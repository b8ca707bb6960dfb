-- Evidence attached to 12315 items (photos, receipts, recordings). The file itself lives in stored_files
-- (content-addressed); this links it to the item. A file is uploaded before the submission it belongs to:
-- the uploader gets a one-time token (only its SHA-256 is kept) that the submission then claims.
-- The first complaints migration had an inline-bytes table of this name that no code ever wrote to; files now
-- live in the files module, so it is replaced by the link.
DROP TABLE complaint_attachments;
CREATE TABLE complaint_attachments (
  complaint_id  bigint NOT NULL REFERENCES complaints (id),
  file_id       bigint NOT NULL REFERENCES stored_files (id),
  added_by      bigint REFERENCES users (id),
  added_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (complaint_id, file_id)
);
CREATE INDEX complaint_attachments_file_idx ON complaint_attachments (file_id);

CREATE TABLE complaint_pending_uploads (
  token_sha256  text PRIMARY KEY,
  file_id       bigint NOT NULL REFERENCES stored_files (id),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX complaint_pending_uploads_created_idx ON complaint_pending_uploads (created_at);

-- The audit chain's append in one round trip: the lock, the last hash, the id and the insert. The lock is held
-- until the writer's COMMIT (WAL flush included), so every round trip under it caps the audited writes per
-- second of the whole system. The hash stays the one domain/audit-chain.ts computes (and verifies): the caller
-- passes the canonical JSON around the id, which only the lock decides.
CREATE FUNCTION audit_append(
  p_at timestamptz, p_actor_id bigint, p_actor_name text, p_unit_id bigint, p_action text, p_target_type text,
  p_target_id text, p_detail jsonb, p_ip text, p_json_before_id text, p_json_after_id text
) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  v_prev text;
  v_id bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(7301115);
  SELECT hash INTO v_prev FROM audit_log ORDER BY id DESC LIMIT 1;
  v_prev := coalesce(v_prev, repeat('0', 64));
  v_id := nextval(pg_get_serial_sequence('audit_log', 'id'));
  INSERT INTO audit_log (id, at, actor_id, actor_name, unit_id, action, target_type, target_id, detail, ip, prev_hash, hash)
  OVERRIDING SYSTEM VALUE VALUES (v_id, p_at, p_actor_id, p_actor_name, p_unit_id, p_action, p_target_type, p_target_id,
    p_detail, p_ip, v_prev,
    encode(sha256(convert_to(v_prev || E'\n' || p_json_before_id || v_id::text || p_json_after_id, 'UTF8')), 'hex'));
  RETURN v_id;
END;
$$;

-- Hot topics read a station's latest items of a period: by this index that is a short backward scan, where
-- (station_id, id) or (received_on, id) alone meant reading the whole year of the district (0.45 s at 1 M items).
CREATE INDEX complaints_station_received_idx ON complaints (station_id, received_on, id);
