-- 智慧大脑 (the leader's big screen): figures precomputed by the job screen.refresh (every 5 minutes and at start
-- when stale), so GET /api/v1/screen reads this table only. One row per unit and figure key; unit_id 0 is the
-- whole district, any other id a station (for a station screen). Each module writes its own keys through its
-- provider (src/modules/<m>/screen.ts).
CREATE TABLE screen_figures (
  unit_id      bigint NOT NULL,
  key          text NOT NULL,
  value        jsonb NOT NULL,
  computed_at  timestamptz NOT NULL,
  PRIMARY KEY (unit_id, key)
);

-- One row per refresh: when, how long, how many figures, or why it failed.
CREATE TABLE screen_refreshes (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  started_at   timestamptz NOT NULL,
  finished_at  timestamptz,
  duration_ms  integer,
  figures      integer,
  error        text
);
CREATE INDEX screen_refreshes_finished_idx ON screen_refreshes (finished_at DESC) WHERE error IS NULL;

-- Built-in roles of an existing install learn the screen permission (new installs get it from builtin-roles.ts).
UPDATE roles SET permissions = permissions || ARRAY['screen:read']
 WHERE builtin AND code IN ('admin', 'leader') AND NOT ('screen:read' = ANY (permissions));
