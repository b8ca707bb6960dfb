-- 重点药品购药登记 (issue 14 point 8): the watch list, pharmacy access codes, real-name sale registrations (personal
-- data encrypted like entities.legal_rep_id), the daily rollup that spike detection reads, and its alerts.

-- The watch list: drugs whose sales are registered, each in a class (退热类, 止咳类 …) that counts are kept by.
CREATE TABLE drug_watch_list (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name        text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
  drug_class  text NOT NULL CHECK (length(drug_class) BETWEEN 1 AND 30),
  active      boolean NOT NULL DEFAULT true,
  sort_order  integer NOT NULL DEFAULT 0
);
INSERT INTO drug_watch_list (name, drug_class, sort_order) VALUES
  ('对乙酰氨基酚片', '退热类', 1), ('布洛芬缓释胶囊', '退热类', 2), ('复方氨酚烷胺片', '退热类', 3),
  ('复方甘草片', '止咳类', 4), ('右美沙芬糖浆', '止咳类', 5), ('急支糖浆', '止咳类', 6),
  ('奥司他韦胶囊', '抗病毒类', 7), ('利巴韦林片', '抗病毒类', 8), ('阿昔洛韦片', '抗病毒类', 9),
  ('阿莫西林胶囊', '抗菌药类', 10), ('头孢克肟片', '抗菌药类', 11), ('阿奇霉素片', '抗菌药类', 12);

-- One row: how long records are kept, who the health liaison is, and the spike rule's parameters.
CREATE TABLE drug_sale_settings (
  id                integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  retention_days    integer NOT NULL DEFAULT 180 CHECK (retention_days BETWEEN 7 AND 3650),
  liaison_user_id   bigint REFERENCES users (id),
  spike_k           numeric(4, 2) NOT NULL DEFAULT 3 CHECK (spike_k > 0),
  spike_min_count   integer NOT NULL DEFAULT 10 CHECK (spike_min_count >= 1),
  baseline_days     integer NOT NULL DEFAULT 14 CHECK (baseline_days BETWEEN 3 AND 90),
  version           integer NOT NULL DEFAULT 1,
  updated_by        bigint REFERENCES users (id),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
INSERT INTO drug_sale_settings (id) VALUES (1);
CREATE INDEX drug_sale_settings_liaison_idx ON drug_sale_settings (liaison_user_id);
CREATE INDEX drug_sale_settings_updated_by_idx ON drug_sale_settings (updated_by);

-- A pharmacy's access code for the phone page (only its hash); the pharmacy is a registry entity.
CREATE TABLE drug_pharmacy_codes (
  entity_id   bigint PRIMARY KEY REFERENCES entities (id) ON DELETE CASCADE,
  code_hash   text NOT NULL UNIQUE,
  issued_by   bigint REFERENCES users (id),
  issued_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX drug_pharmacy_codes_issued_by_idx ON drug_pharmacy_codes (issued_by);

CREATE TABLE drug_sale_registrations (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity_id          bigint NOT NULL REFERENCES entities (id),
  station_id         bigint NOT NULL REFERENCES org_units (id),
  -- The township (9-digit region code of the pharmacy), '' when the registry has none.
  township_code      text NOT NULL DEFAULT '',
  sold_on            date NOT NULL,
  drug_name          text NOT NULL,
  drug_class         text NOT NULL,
  quantity           integer NOT NULL DEFAULT 1 CHECK (quantity BETWEEN 1 AND 999),
  buyer_name_cipher  text NOT NULL,
  buyer_name_masked  text NOT NULL,
  id_cipher          text NOT NULL,
  id_hash            text NOT NULL,
  id_masked          text NOT NULL,
  phone_cipher       text NOT NULL,
  phone_masked       text NOT NULL,
  temperature        numeric(3, 1) CHECK (temperature BETWEEN 34 AND 43),
  channel            text NOT NULL CHECK (channel IN ('portal', 'import', 'staff')),
  created_by         bigint REFERENCES users (id),
  created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX drug_sale_registrations_station_idx ON drug_sale_registrations (station_id, sold_on DESC, id DESC);
CREATE INDEX drug_sale_registrations_entity_idx ON drug_sale_registrations (entity_id, sold_on DESC);
CREATE INDEX drug_sale_registrations_sold_idx ON drug_sale_registrations (sold_on, id);
CREATE INDEX drug_sale_registrations_id_hash_idx ON drug_sale_registrations USING hash (id_hash);
CREATE INDEX drug_sale_registrations_created_by_idx ON drug_sale_registrations (created_by) WHERE created_by IS NOT NULL;

-- Counts per day, class, township and station, kept in the registering transaction (and rebuilt for recent days by
-- the nightly job): spike detection and the chart read this, never the registrations. Purging registrations keeps it.
CREATE TABLE drug_sale_daily (
  day            date NOT NULL,
  drug_class     text NOT NULL,
  township_code  text NOT NULL,
  station_id     bigint NOT NULL REFERENCES org_units (id),
  n              integer NOT NULL,
  PRIMARY KEY (day, drug_class, township_code, station_id)
);
CREATE INDEX drug_sale_daily_station_idx ON drug_sale_daily (station_id, day);

-- A day's count of one class in one township above the spike rule: addressed to the health liaison.
CREATE TABLE drug_sale_alerts (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  day            date NOT NULL,
  drug_class     text NOT NULL,
  township_code  text NOT NULL,
  township_name  text NOT NULL,
  observed       integer NOT NULL,
  expected       numeric(10, 2) NOT NULL,
  threshold      numeric(10, 2) NOT NULL,
  status         text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'handled')),
  note           text,
  handled_by     bigint REFERENCES users (id),
  version        integer NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (day, drug_class, township_code)
);
CREATE INDEX drug_sale_alerts_status_idx ON drug_sale_alerts (status, day);
CREATE INDEX drug_sale_alerts_handled_by_idx ON drug_sale_alerts (handled_by);
