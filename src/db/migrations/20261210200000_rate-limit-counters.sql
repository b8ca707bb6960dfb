-- Per-client request counters of the rate-limited routes, shared by every app node on this database, so N nodes
-- behind a proxy do not multiply a limit by N. One row per (route or group, client); the window starts at the
-- client's first request, like the in-memory store's. UNLOGGED: counters lost in a crash only reset the limits,
-- and the upsert on every limited request writes no WAL. No secondary index, so updates stay HOT; the prune is a
-- scan of a table as small as the number of clients seen in the last minutes.
CREATE UNLOGGED TABLE rate_limit_counters (
  scope text NOT NULL,
  client_key text NOT NULL,
  hits integer NOT NULL,
  window_ends_at timestamptz NOT NULL,
  PRIMARY KEY (scope, client_key)
) WITH (fillfactor = 70);

COMMENT ON COLUMN rate_limit_counters.scope IS 'route (METHOD url) or the routes'' shared groupId';
COMMENT ON COLUMN rate_limit_counters.client_key IS 'sha256 of the client key (address, API key): never the key itself';
