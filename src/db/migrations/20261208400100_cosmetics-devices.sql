-- 两品一械 (issue 14 point 9): cosmetics and medical-device businesses (a registry entity, its licence or 备案 number)
-- and adverse-event reports on their products, handled through a transition table.
CREATE TABLE cd_businesses (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity_id     bigint NOT NULL REFERENCES entities (id),
  station_id    bigint NOT NULL REFERENCES org_units (id),
  category      text NOT NULL CHECK (category IN ('cosmetics', 'device')),
  licence_kind  text NOT NULL CHECK (licence_kind IN ('licence', 'filing')),
  licence_no    text NOT NULL,
  scope         text,
  created_by    bigint REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  version       integer NOT NULL DEFAULT 1,
  UNIQUE (category, licence_no)
);
CREATE INDEX cd_businesses_station_idx ON cd_businesses (station_id, id);
CREATE INDEX cd_businesses_entity_idx ON cd_businesses (entity_id);
CREATE INDEX cd_businesses_created_by_idx ON cd_businesses (created_by);

CREATE TABLE cd_adverse_events (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  business_id      bigint NOT NULL REFERENCES cd_businesses (id),
  product_name     text NOT NULL,
  registration_no  text NOT NULL,
  severity         text NOT NULL CHECK (severity IN ('general', 'serious', 'death')),
  description      text NOT NULL,
  occurred_on      date NOT NULL,
  status           text NOT NULL DEFAULT 'reported' CHECK (status IN ('reported', 'assessing', 'referred', 'closed')),
  note             text,
  created_by       bigint REFERENCES users (id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 1
);
CREATE INDEX cd_adverse_events_business_idx ON cd_adverse_events (business_id, id);
CREATE INDEX cd_adverse_events_status_idx ON cd_adverse_events (status, id);
CREATE INDEX cd_adverse_events_registration_idx ON cd_adverse_events (registration_no);
CREATE INDEX cd_adverse_events_created_by_idx ON cd_adverse_events (created_by);
