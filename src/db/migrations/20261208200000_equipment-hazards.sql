-- 特种设备 (issue 14, points 3 and 4): hazards found on a supervision inspection (监督检查), the 特种设备安全监察指令书
-- that orders their rectification, and the signed lift plates (电梯使用标志) whose QR code opens a public page.

-- Hazard grades are data (一般/重大 by default), edited under equipment:settings; a grade names the default
-- rectification period and whether the equipment must stop until the order is closed.
CREATE TABLE equipment_hazard_grades (
  code           text COLLATE "C" PRIMARY KEY CHECK (code ~ '^[a-z][a-zA-Z0-9]{0,31}$'),
  name           text NOT NULL,
  rectify_days   integer NOT NULL CHECK (rectify_days BETWEEN 1 AND 365),
  requires_stop  boolean NOT NULL DEFAULT false,
  sort           integer NOT NULL DEFAULT 0,
  active         boolean NOT NULL DEFAULT true
);
INSERT INTO equipment_hazard_grades (code, name, rectify_days, requires_stop, sort) VALUES
  ('general', '一般隐患', 30, false, 10),
  ('major', '重大隐患', 15, true, 20);

-- 特种设备安全监察指令书: numbered per station and year (S01特设指〔2026〕12号) without gaps.
CREATE TABLE equipment_directive_counters (
  station_id  bigint NOT NULL REFERENCES org_units (id),
  year        integer NOT NULL,
  last_seq    integer NOT NULL,
  PRIMARY KEY (station_id, year)
);

CREATE TABLE equipment_directives (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  doc_no          text NOT NULL UNIQUE,
  equipment_id    bigint NOT NULL REFERENCES equipment (id),
  entity_id       bigint NOT NULL REFERENCES entities (id),
  station_id      bigint NOT NULL REFERENCES org_units (id),
  issued_on       date NOT NULL,
  deadline        date NOT NULL CHECK (deadline >= issued_on),
  -- The order also requires the equipment to stop (a 重大 hazard): it stays stopped until the order is closed.
  requires_stop   boolean NOT NULL DEFAULT false,
  -- issued → rectified → closed; issued → overdue (督办, case lead) → rectified; rectified → issued (returned).
  status          text NOT NULL CHECK (status IN ('issued', 'overdue', 'rectified', 'closed')),
  rectified_on    date,
  evidence        text,
  reinspected_on  date,
  closed_on       date,
  escalated_at    timestamptz,
  case_lead_no    text,
  inspector_names text NOT NULL,
  created_by      bigint REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1
);
CREATE INDEX equipment_directives_station_idx ON equipment_directives (station_id, id);
CREATE INDEX equipment_directives_equipment_idx ON equipment_directives (equipment_id, id);
CREATE INDEX equipment_directives_entity_idx ON equipment_directives (entity_id);
CREATE INDEX equipment_directives_created_by_idx ON equipment_directives (created_by) WHERE created_by IS NOT NULL;
-- The overdue sweep and the inbox: open orders by deadline.
CREATE INDEX equipment_directives_open_idx ON equipment_directives (deadline, id) WHERE status IN ('issued', 'overdue');

CREATE TABLE equipment_hazards (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  equipment_id    bigint NOT NULL REFERENCES equipment (id),
  station_id      bigint NOT NULL REFERENCES org_units (id),
  grade_code      text COLLATE "C" NOT NULL REFERENCES equipment_hazard_grades (code),
  description     text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
  found_on        date NOT NULL,
  inspector_names text NOT NULL,
  -- open (no order yet) → ordered → closed (its order accepted).
  status          text NOT NULL CHECK (status IN ('open', 'ordered', 'closed')),
  directive_id    bigint REFERENCES equipment_directives (id),
  created_by      bigint REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1
);
CREATE INDEX equipment_hazards_station_idx ON equipment_hazards (station_id, id);
CREATE INDEX equipment_hazards_equipment_idx ON equipment_hazards (equipment_id, id);
CREATE INDEX equipment_hazards_grade_idx ON equipment_hazards (grade_code);
CREATE INDEX equipment_hazards_directive_idx ON equipment_hazards (directive_id) WHERE directive_id IS NOT NULL;
CREATE INDEX equipment_hazards_created_by_idx ON equipment_hazards (created_by) WHERE created_by IS NOT NULL;

-- One row per transition of an order (the audit log holds the same with the actor's trail).
CREATE TABLE equipment_directive_events (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  directive_id  bigint NOT NULL REFERENCES equipment_directives (id),
  action        text NOT NULL,
  from_status   text,
  to_status     text NOT NULL,
  note          text,
  actor_id      bigint REFERENCES users (id),
  at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX equipment_directive_events_directive_idx ON equipment_directive_events (directive_id, id);
CREATE INDEX equipment_directive_events_actor_idx ON equipment_directive_events (actor_id) WHERE actor_id IS NOT NULL;

-- 电梯使用标志: signed with the bureau's one QR key set (food_placard_keys); a newer plate supersedes the older.
CREATE TABLE equipment_plates (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  equipment_id     bigint NOT NULL REFERENCES equipment (id),
  station_id       bigint NOT NULL REFERENCES org_units (id),
  equipment_code   text COLLATE "C" NOT NULL,
  registration_no  text COLLATE "C" NOT NULL,
  valid_until      date NOT NULL,
  issued_on        date NOT NULL,
  kid              text NOT NULL REFERENCES food_placard_keys (kid),
  signature        text,
  created_by       bigint REFERENCES users (id),
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX equipment_plates_equipment_idx ON equipment_plates (equipment_id, id DESC);
CREATE INDEX equipment_plates_station_idx ON equipment_plates (station_id, id);
CREATE INDEX equipment_plates_kid_idx ON equipment_plates (kid);
CREATE INDEX equipment_plates_created_by_idx ON equipment_plates (created_by) WHERE created_by IS NOT NULL;
