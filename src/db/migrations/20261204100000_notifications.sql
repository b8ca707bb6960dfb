-- In-app notifications (issue 12): one row per recipient, written by the producing module inside its own
-- transaction (src/modules/notifications/published.ts). A notification is its recipient's alone.
CREATE TABLE notifications (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind text NOT NULL,
  title text NOT NULL,
  body text,
  link text,
  subject_type text,
  subject_id text,
  -- Repeated sweeps (overdue, digest) name the same key, so a user is told once per key.
  dedupe_key text,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz
);

-- Dedupe per user; rows without a key never collide (NULLs are distinct).
CREATE UNIQUE INDEX notifications_user_dedupe_uq ON notifications (user_id, dedupe_key);
-- "My notifications, newest first" keyset pages (id DESC).
CREATE INDEX notifications_user_idx ON notifications (user_id, id DESC);
-- "My unread": the bell's count and the unread filter touch only unread rows, which stay few while read ones pile up.
CREATE INDEX notifications_unread_idx ON notifications (user_id, id DESC) WHERE read_at IS NULL;
