-- 执法办案: evidence uploads, the 查封扣押 extension, the payment plan (分期/延期) and 申请强制执行.

-- A file uploaded for a case's evidence (the phone page uploads first, then records the item): it can only be
-- linked to the evidence of the case it was uploaded for, once.
CREATE TABLE case_evidence_uploads (
  file_id      bigint PRIMARY KEY REFERENCES stored_files (id),
  case_id      bigint NOT NULL REFERENCES cases (id),
  uploaded_by  bigint REFERENCES users (id),
  uploaded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_evidence_uploads_case_idx ON case_evidence_uploads (case_id);
CREATE UNIQUE INDEX case_evidence_file_idx ON case_evidence (file_id) WHERE file_id IS NOT NULL;
ALTER TABLE case_evidence ADD COLUMN note text;

-- 查封、扣押: extended once (行政强制法 Art. 25), with the reason and the day.
ALTER TABLE case_measures ADD COLUMN extension_reason text;
ALTER TABLE case_measures ADD COLUMN extended_on date;
ALTER TABLE case_measures ADD COLUMN first_due_on date;
UPDATE case_measures SET first_due_on = due_on WHERE first_due_on IS NULL;

-- The approved 分期/延期 schedule of the fine (行政处罚法 Art. 66): [{dueOn, amountFen}], null = the whole fine on
-- payment_due_on. 申请强制执行: the day and the court.
ALTER TABLE cases ADD COLUMN payment_plan jsonb;
ALTER TABLE cases ADD COLUMN enforcement_applied_on date;
ALTER TABLE cases ADD COLUMN enforcement_court text;
