-- Org model, users, roles, sessions, login log, audit chain, calendar overrides, jobs.

CREATE TABLE org_units (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  parent_id     bigint REFERENCES org_units (id),
  code          text NOT NULL UNIQUE,
  name          text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('bureau', 'department', 'station', 'centre')),
  -- Materialised path '/1/4/' so "unit and below" is one indexed prefix match.
  path          text NOT NULL,
  region_codes  text[] NOT NULL DEFAULT '{}',
  sort_order    integer NOT NULL DEFAULT 0,
  active        boolean NOT NULL DEFAULT true,
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX org_units_path_idx ON org_units (path text_pattern_ops);
CREATE INDEX org_units_parent_idx ON org_units (parent_id);

CREATE TABLE roles (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code         text NOT NULL UNIQUE,
  name         text NOT NULL,
  permissions  text[] NOT NULL DEFAULT '{}',
  data_scope   text NOT NULL CHECK (data_scope IN ('all', 'unit_and_below', 'self')),
  builtin      boolean NOT NULL DEFAULT false,
  version      integer NOT NULL DEFAULT 1,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username             text NOT NULL UNIQUE,
  display_name         text NOT NULL,
  unit_id              bigint NOT NULL REFERENCES org_units (id),
  phone                text,
  password_hash        text NOT NULL,
  active               boolean NOT NULL DEFAULT true,
  failed_login_count   integer NOT NULL DEFAULT 0,
  locked_until         timestamptz,
  password_changed_at  timestamptz NOT NULL DEFAULT now(),
  version              integer NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_unit_idx ON users (unit_id);

CREATE TABLE user_roles (
  user_id  bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role_id  bigint NOT NULL REFERENCES roles (id),
  PRIMARY KEY (user_id, role_id)
);
CREATE INDEX user_roles_role_idx ON user_roles (role_id);

-- The cookie carries a random token; only its SHA-256 is stored.
CREATE TABLE sessions (
  token_hash    text PRIMARY KEY,
  user_id       bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token    text NOT NULL,
  ip            text,
  user_agent    text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_last_seen_idx ON sessions (last_seen_at);

CREATE TABLE login_log (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  username    text NOT NULL,
  user_id     bigint REFERENCES users (id) ON DELETE SET NULL,
  unit_id     bigint REFERENCES org_units (id),
  ip          text,
  user_agent  text,
  result      text NOT NULL CHECK (result IN ('success', 'bad_password', 'unknown_user', 'locked', 'inactive', 'logout', 'timeout'))
);
CREATE INDEX login_log_at_idx ON login_log (at DESC, id DESC);

-- Append-only, hash-chained: hash = sha256(prev_hash || canonical row). Chain order is id order.
CREATE TABLE audit_log (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at           timestamptz NOT NULL,
  actor_id     bigint,
  actor_name   text,
  unit_id      bigint,
  action       text NOT NULL,
  target_type  text,
  target_id    text,
  detail       jsonb NOT NULL DEFAULT '{}',
  ip           text,
  prev_hash    text NOT NULL,
  hash         text NOT NULL
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, id DESC);
CREATE INDEX audit_log_unit_idx ON audit_log (unit_id, id DESC);
CREATE INDEX audit_log_action_idx ON audit_log (action, id DESC);

-- Admin overrides on top of the packaged holiday calendar (e.g. next year's State Council notice).
CREATE TABLE calendar_overrides (
  day         date PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name        text NOT NULL,
  created_by  bigint REFERENCES users (id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
-- Years whose official schedule an admin has entered in full (so they stop being provisional).
CREATE TABLE calendar_years (
  year        integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
  source      text NOT NULL,
  created_by  bigint REFERENCES users (id),
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE jobs (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind            text NOT NULL,
  payload         jsonb NOT NULL DEFAULT '{}',
  status          text NOT NULL DEFAULT 'queued'
                    CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  run_at          timestamptz NOT NULL DEFAULT now(),
  attempts        integer NOT NULL DEFAULT 0,
  max_attempts    integer NOT NULL DEFAULT 3,
  progress_done   bigint NOT NULL DEFAULT 0,
  progress_total  bigint,
  message         text,
  result          jsonb,
  error           text,
  locked_by       text,
  heartbeat_at    timestamptz,
  created_by      bigint REFERENCES users (id),
  unit_id         bigint REFERENCES org_units (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  started_at      timestamptz,
  finished_at     timestamptz
);
CREATE INDEX jobs_queue_idx ON jobs (run_at, id) WHERE status = 'queued';
CREATE INDEX jobs_created_idx ON jobs (created_at DESC, id DESC);

-- Recurring work (deadline sweeps, nightly recomputes): claimed by whichever process gets the row lock.
CREATE TABLE job_schedules (
  name              text PRIMARY KEY,
  kind              text NOT NULL,
  payload           jsonb NOT NULL DEFAULT '{}',
  interval_seconds  integer NOT NULL CHECK (interval_seconds >= 10),
  next_run_at       timestamptz NOT NULL,
  active            boolean NOT NULL DEFAULT true
);
