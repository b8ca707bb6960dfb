-- Evidence belongs to the visit it was uploaded for: a result may link only this visit's files, and a file is
-- served only through its own visit. One row per file (the primary key): a file is never shared by two visits.
CREATE TABLE spot_check_visit_files (
  file_id      bigint PRIMARY KEY REFERENCES stored_files (id) ON DELETE CASCADE,
  visit_id     bigint NOT NULL REFERENCES spot_check_visits (id) ON DELETE CASCADE,
  uploaded_by  bigint REFERENCES users (id),
  uploaded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX spot_check_visit_files_visit_idx ON spot_check_visit_files (visit_id);

-- Files already linked by results: each goes to one visit, preferring a visit its uploader was assigned to (a file
-- copied into another visit's result by id is not that visit's evidence), then the earliest.
INSERT INTO spot_check_visit_files (file_id, visit_id, uploaded_by, uploaded_at)
SELECT DISTINCT ON (f.id) f.id, r.visit_id, f.created_by, f.created_at
  FROM spot_check_results r
  JOIN stored_files f ON f.id = ANY (r.file_ids) AND f.purpose = 'inspection-evidence'
  JOIN spot_check_visits v ON v.id = r.visit_id
 ORDER BY f.id,
       EXISTS (SELECT 1 FROM spot_check_inspectors i WHERE i.id = ANY (v.inspector_ids) AND i.user_id = f.created_by) DESC,
       r.visit_id;
