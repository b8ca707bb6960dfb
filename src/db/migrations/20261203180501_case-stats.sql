-- 执法办案统计: a monthly rollup per station, twice over: once per handling department (dim 'department', key the
-- department id, '0' for none) and once per violation area (dim 'area', key the area of the case's first violation
-- type, '' for none). Each figure is counted in the month of its own event (立案 filed_on, 结案 closed_on, 决定
-- decided_on). Rebuilt set-based by the job cases.stats-rollup for recent and touched months; the current month is
-- read live (src/modules/cases/repos/stats.ts). Two small sets instead of one (month, station, department, area)
-- grain: a year's figures read ≈ 1–3 k rows, not ≈ 15 k.
CREATE TABLE case_monthly_stats (
  month              date NOT NULL,
  station_id         bigint NOT NULL,
  dim                text NOT NULL CHECK (dim IN ('department', 'area')),
  key                text NOT NULL,
  opened             integer NOT NULL DEFAULT 0,
  opened_general     integer NOT NULL DEFAULT 0,
  opened_summary     integer NOT NULL DEFAULT 0,
  opened_major       integer NOT NULL DEFAULT 0,
  closed             integer NOT NULL DEFAULT 0,
  closed_major       integer NOT NULL DEFAULT 0,
  decided_penalty    integer NOT NULL DEFAULT 0,
  fines_fen          bigint NOT NULL DEFAULT 0,
  confiscated_fen    bigint NOT NULL DEFAULT 0,
  major_penalty_fen  bigint NOT NULL DEFAULT 0,
  case_value_fen     bigint NOT NULL DEFAULT 0,
  goods_value_fen    bigint NOT NULL DEFAULT 0,
  transferred        integer NOT NULL DEFAULT 0,
  typical            integer NOT NULL DEFAULT 0,
  PRIMARY KEY (dim, month, station_id, key)
);

-- 结案 by month (the rollup's and the live current month's closed figures).
CREATE INDEX cases_closed_idx ON cases (closed_on) WHERE closed_on IS NOT NULL;
