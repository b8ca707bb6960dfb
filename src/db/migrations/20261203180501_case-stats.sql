-- 执法办案统计: a monthly rollup per (month, station, department, violation area), each figure counted in the
-- month of its own event (立案 filed_on, 结案 closed_on, 决定 decided_on). Rebuilt set-based by the job
-- cases.stats-rollup for recent and touched months; the current month is read live (src/modules/cases/repos/stats.ts).
CREATE TABLE case_monthly_stats (
  month              date NOT NULL,
  station_id         bigint NOT NULL,
  -- 0: no handling department recorded (the station's own case).
  department_id      bigint NOT NULL DEFAULT 0,
  -- The area of the case's first violation type ('' when none is recorded yet).
  area               text NOT NULL DEFAULT '',
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
  PRIMARY KEY (month, station_id, department_id, area)
);

-- 结案 by month (the rollup's and the live current month's closed figures).
CREATE INDEX cases_closed_idx ON cases (closed_on) WHERE closed_on IS NOT NULL;
