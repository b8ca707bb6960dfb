-- 案源 (case leads): where enforcement cases start. The cases module grows from here; other modules
-- (12315 诉转案, spot-check problems) create leads through its published function.
CREATE TABLE case_leads (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source_type  text NOT NULL CHECK (source_type IN ('complaint', 'report', 'inspection', 'transfer', 'superior', 'other')),
  source_ref   text NOT NULL,
  entity_id    bigint REFERENCES entities (id),
  station_id   bigint NOT NULL REFERENCES org_units (id),
  summary      text NOT NULL,
  status       text NOT NULL DEFAULT 'new',
  created_by   bigint REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (source_type, source_ref)
);
CREATE INDEX case_leads_station_idx ON case_leads (station_id, id);
