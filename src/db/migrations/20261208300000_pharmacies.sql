-- 零售药店 and 阳光药师 (issue 14, points 6–7): a retail pharmacy is a registry entity with one pharmacy row (its
-- 药品经营许可证, location and opening hours; access kind `pharmacy`, ph.station_id); its licensed pharmacists
-- (执业药师) with their duty schedule and a personal check-in link (only its SHA-256 is stored); the shifts they
-- check in and out of (phone, geofenced; or a vendor file); one row per pharmacy and day with the opening minutes
-- and the minutes a pharmacist was on duty (the attendance rate's numerator and denominator, docs/PHARMACIES.md);
-- and GSP inspections, each a visit of the one visit engine (a spot_check_plans row of kind 'gsp').

ALTER TABLE spot_check_plans DROP CONSTRAINT spot_check_plans_kind_check;
ALTER TABLE spot_check_plans ADD CONSTRAINT spot_check_plans_kind_check CHECK (kind IN ('spotCheck', 'food', 'gsp'));

CREATE TABLE pharmacies (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity_id            bigint NOT NULL UNIQUE REFERENCES entities (id),
  station_id           bigint NOT NULL REFERENCES org_units (id),
  licence_no           text COLLATE "C" NOT NULL UNIQUE,
  licence_issued_on    date NOT NULL,
  licence_valid_until  date NOT NULL CHECK (licence_valid_until > licence_issued_on),
  latitude             double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
  longitude            double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
  -- Metres from the pharmacy a check-in may be made; null: the configured default (PHARMACY_GEOFENCE_METRES).
  geofence_metres      integer CHECK (geofence_metres BETWEEN 10 AND 5000),
  -- Opening hours as minutes of the day (Asia/Shanghai), every day of the week; 0–1440 is a 24-hour pharmacy.
  opens_minute         integer NOT NULL DEFAULT 480 CHECK (opens_minute BETWEEN 0 AND 1439),
  closes_minute        integer NOT NULL DEFAULT 1320 CHECK (closes_minute BETWEEN 1 AND 1440),
  status               text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  created_by           bigint REFERENCES users (id),
  created_at           timestamptz NOT NULL DEFAULT now(),
  version              integer NOT NULL DEFAULT 1,
  CHECK (closes_minute > opens_minute)
);
CREATE INDEX pharmacies_station_idx ON pharmacies (station_id, id);
CREATE INDEX pharmacies_licence_expiry_idx ON pharmacies (licence_valid_until, id) WHERE status = 'active';
CREATE INDEX pharmacies_created_by_idx ON pharmacies (created_by);

CREATE TABLE pharmacists (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  pharmacy_id       bigint NOT NULL REFERENCES pharmacies (id),
  name              text NOT NULL,
  registration_no   text COLLATE "C" NOT NULL UNIQUE,
  -- On-duty schedule: ISO weekdays (1 = Monday) and the minutes of the day.
  duty_weekdays     smallint[] NOT NULL DEFAULT '{1,2,3,4,5,6,7}',
  duty_from_minute  integer NOT NULL DEFAULT 480 CHECK (duty_from_minute BETWEEN 0 AND 1439),
  duty_to_minute    integer NOT NULL DEFAULT 1320 CHECK (duty_to_minute BETWEEN 1 AND 1440),
  active            boolean NOT NULL DEFAULT true,
  token_hash        text UNIQUE,
  token_issued_at   timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  CHECK (duty_to_minute > duty_from_minute)
);
CREATE INDEX pharmacists_pharmacy_idx ON pharmacists (pharmacy_id, id);

CREATE TABLE pharmacist_shifts (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  pharmacist_id     bigint NOT NULL REFERENCES pharmacists (id),
  pharmacy_id       bigint NOT NULL REFERENCES pharmacies (id),
  day               date NOT NULL,
  check_in_at       timestamptz NOT NULL,
  check_out_at      timestamptz CHECK (check_out_at > check_in_at),
  in_distance_m     integer,
  out_distance_m    integer,
  photo_file_id     bigint REFERENCES stored_files (id),
  source            text NOT NULL CHECK (source IN ('phone', 'import', 'auto')),
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX pharmacist_shifts_open_idx ON pharmacist_shifts (pharmacist_id) WHERE check_out_at IS NULL;
CREATE INDEX pharmacist_shifts_pharmacist_idx ON pharmacist_shifts (pharmacist_id, check_in_at);
CREATE INDEX pharmacist_shifts_pharmacy_day_idx ON pharmacist_shifts (pharmacy_id, day);
CREATE INDEX pharmacist_shifts_photo_idx ON pharmacist_shifts (photo_file_id) WHERE photo_file_id IS NOT NULL;

-- One row per pharmacy and opening day: the rate is Σ covered_minutes / Σ open_minutes over any period. Its station
-- is the pharmacy's (joined), so a year of rows for a district carries one foreign key only.
CREATE TABLE pharmacy_attendance_days (
  pharmacy_id      bigint NOT NULL REFERENCES pharmacies (id),
  day              date NOT NULL,
  open_minutes     integer NOT NULL CHECK (open_minutes > 0),
  covered_minutes  integer NOT NULL CHECK (covered_minutes BETWEEN 0 AND open_minutes),
  -- An absence (covered < open) stays in the station's inbox until someone checks it.
  reviewed_by      bigint REFERENCES users (id),
  reviewed_at      timestamptz,
  PRIMARY KEY (pharmacy_id, day)
);
CREATE INDEX pharmacy_attendance_days_absent_idx ON pharmacy_attendance_days (day, pharmacy_id)
  WHERE covered_minutes < open_minutes AND reviewed_at IS NULL;

-- GSP 检查: the visit (inspectors, 回避, photos, signatures, publication clock) is the visit engine's.
CREATE TABLE pharmacy_gsp_inspections (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  pharmacy_id    bigint NOT NULL REFERENCES pharmacies (id),
  visit_id       bigint NOT NULL UNIQUE REFERENCES spot_check_visits (id),
  status         text NOT NULL DEFAULT 'inProgress' CHECK (status IN ('inProgress', 'done')),
  result         text CHECK (result IN ('pass', 'rectify', 'fail')),
  findings       text,
  inspected_on   date,
  created_by     bigint REFERENCES users (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  version        integer NOT NULL DEFAULT 1
);
CREATE INDEX pharmacy_gsp_inspections_pharmacy_idx ON pharmacy_gsp_inspections (pharmacy_id, id);
CREATE INDEX pharmacy_gsp_inspections_created_by_idx ON pharmacy_gsp_inspections (created_by);
