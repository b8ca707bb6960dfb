-- 特种设备监督检查 on the one visit engine (issue 14): a chief schedules a supervision inspection of an equipment user
-- (an entity); starting it opens a standalone spot_check_visits row (a spot_check_plans row of kind 'equipment'), and
-- the hazards the inspectors record from the visit keep its id. Rectification evidence files of a 指令书 are linked
-- in equipment_directive_files (stored_files, purpose 'equipment-rectification-evidence').
ALTER TABLE spot_check_plans DROP CONSTRAINT spot_check_plans_kind_check;
ALTER TABLE spot_check_plans ADD CONSTRAINT spot_check_plans_kind_check
  CHECK (kind IN ('spotCheck', 'food', 'gsp', 'cd', 'equipment'));

CREATE TABLE equipment_supervisions (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity_id     bigint NOT NULL REFERENCES entities (id),
  station_id    bigint NOT NULL REFERENCES org_units (id),
  planned_on    date NOT NULL,
  status        text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'inProgress', 'done')),
  visit_id      bigint UNIQUE REFERENCES spot_check_visits (id),
  inspected_on  date,
  findings      text,
  created_by    bigint REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  version       integer NOT NULL DEFAULT 1
);
CREATE INDEX equipment_supervisions_station_idx ON equipment_supervisions (station_id, id);
CREATE INDEX equipment_supervisions_entity_idx ON equipment_supervisions (entity_id);
CREATE INDEX equipment_supervisions_created_by_idx ON equipment_supervisions (created_by) WHERE created_by IS NOT NULL;

ALTER TABLE equipment_hazards ADD COLUMN visit_id bigint REFERENCES spot_check_visits (id);
CREATE INDEX equipment_hazards_visit_idx ON equipment_hazards (visit_id) WHERE visit_id IS NOT NULL;

CREATE TABLE equipment_directive_files (
  directive_id  bigint NOT NULL REFERENCES equipment_directives (id),
  file_id       bigint NOT NULL UNIQUE REFERENCES stored_files (id),
  uploaded_by   bigint REFERENCES users (id),
  uploaded_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (directive_id, file_id)
);
CREATE INDEX equipment_directive_files_uploaded_by_idx ON equipment_directive_files (uploaded_by)
  WHERE uploaded_by IS NOT NULL;
