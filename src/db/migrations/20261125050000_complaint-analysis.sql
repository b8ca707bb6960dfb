-- 12315 analysis: monthly rollups (so dashboards stay fast at millions of items), drafted consumer
-- alerts from spike detection, and links between items that look like the same matter.

CREATE TABLE complaint_monthly_stats (
  month          date NOT NULL,
  station_id     bigint NOT NULL REFERENCES org_units (id),
  kind           text NOT NULL,
  category_code  text NOT NULL DEFAULT '',
  received       integer NOT NULL,
  closed         integer NOT NULL,
  recovered_fen  bigint NOT NULL,
  PRIMARY KEY (month, station_id, kind, category_code)
);
CREATE INDEX complaint_monthly_stats_station_idx ON complaint_monthly_stats (station_id, month);

CREATE TABLE complaint_alerts (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  scope         text NOT NULL CHECK (scope IN ('category', 'entity')),
  scope_key     text NOT NULL,
  scope_name    text NOT NULL,
  window_start  date NOT NULL,
  window_end    date NOT NULL,
  observed      integer NOT NULL,
  expected      numeric(10, 2) NOT NULL,
  title         text NOT NULL,
  draft_text    text NOT NULL,
  status        text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'dismissed')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (scope, scope_key, window_end)
);

CREATE TABLE complaint_links (
  a_id        bigint NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  b_id        bigint NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  similarity  numeric(4, 3) NOT NULL,
  reason      text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (a_id, b_id),
  CHECK (a_id < b_id)
);
CREATE INDEX complaint_links_b_idx ON complaint_links (b_id);
