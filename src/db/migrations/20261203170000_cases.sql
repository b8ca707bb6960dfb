-- 执法办案 (《市场监督管理行政处罚程序规定》): leads, cases, their clocks, evidence, approvals, penalties,
-- documents and disclosure (SAMR Order 45). Every status change goes through src/domain/case-workflow.ts.

-- 执法证: a case officer needs a valid credential number on the day they are assigned.
ALTER TABLE users ADD COLUMN enforcement_credential_no text;
ALTER TABLE users ADD COLUMN enforcement_credential_expires_on date;

-- 违法行为 dictionary: what was violated, the provision it violates and the one that sets the penalty.
CREATE TABLE case_violation_types (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code              text NOT NULL UNIQUE,
  area              text NOT NULL CHECK (area IN ('food', 'drug', 'special_equipment', 'product_quality', 'pricing',
                      'advertising', 'trademark', 'unlicensed', 'registration', 'consumer', 'competition', 'other')),
  name              text NOT NULL,
  legal_basis       text NOT NULL,
  penalty_basis     text NOT NULL,
  -- Life, health or financial safety involved: the limitation is 5 years, not 2 (行政处罚法 Art. 36).
  involves_safety   boolean NOT NULL DEFAULT false,
  active            boolean NOT NULL DEFAULT true,
  sort_order        integer NOT NULL DEFAULT 0
);

-- Leads grow a verification clock, an owner and an outcome.
ALTER TABLE case_leads DROP CONSTRAINT case_leads_source_type_check;
ALTER TABLE case_leads ADD CONSTRAINT case_leads_source_type_check CHECK (source_type IN
  ('complaint', 'report', 'inspection', 'sampling', 'transfer', 'superior', 'staff', 'other'));
ALTER TABLE case_leads ADD COLUMN received_on date;
ALTER TABLE case_leads ADD COLUMN verify_due_on date;
ALTER TABLE case_leads ADD COLUMN extended boolean NOT NULL DEFAULT false;
ALTER TABLE case_leads ADD COLUMN extension_reason text;
ALTER TABLE case_leads ADD COLUMN assigned_to bigint REFERENCES users (id);
ALTER TABLE case_leads ADD COLUMN outcome_ground text;
ALTER TABLE case_leads ADD COLUMN outcome_note text;
ALTER TABLE case_leads ADD COLUMN transferred_to text;
ALTER TABLE case_leads ADD COLUMN decided_on date;
ALTER TABLE case_leads ADD COLUMN decided_by bigint REFERENCES users (id);
ALTER TABLE case_leads ADD COLUMN case_id bigint;
ALTER TABLE case_leads ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE case_leads ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
-- Leads recorded before the clock existed start it on the day they were recorded.
UPDATE case_leads SET received_on = (created_at AT TIME ZONE 'Asia/Shanghai')::date WHERE received_on IS NULL;
ALTER TABLE case_leads ALTER COLUMN received_on SET NOT NULL;
UPDATE case_leads SET status = 'verifying' WHERE status = 'new';
ALTER TABLE case_leads ALTER COLUMN status SET DEFAULT 'verifying';
ALTER TABLE case_leads ADD CONSTRAINT case_leads_status_check
  CHECK (status IN ('verifying', 'filed', 'not_filed', 'merged'));
CREATE INDEX case_leads_status_idx ON case_leads (status, verify_due_on);

CREATE TABLE cases (
  id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_no                 text UNIQUE,
  procedure               text NOT NULL CHECK (procedure IN ('general', 'summary')),
  status                  text NOT NULL,
  -- The approvable action waiting for its approvers (file, extend, legalReview, discuss, decide, close).
  pending_action          text,
  lead_id                 bigint REFERENCES case_leads (id),
  entity_id               bigint REFERENCES entities (id),
  party_kind              text NOT NULL CHECK (party_kind IN ('organisation', 'person')),
  party_name              text NOT NULL,
  party_uscc              text,
  -- An individual's ID number, encrypted (platform/pii.ts); lists and the portal show it masked.
  party_id_no_enc         text,
  party_address           text,
  station_id              bigint NOT NULL REFERENCES org_units (id),
  department_id           bigint REFERENCES org_units (id),
  title                   text NOT NULL,
  facts                   text,
  act_on                  date,
  limitation_expires_on   date,
  filed_on                date,
  decision_due_on         date,
  decision_extensions     integer NOT NULL DEFAULT 0,
  is_major                boolean NOT NULL DEFAULT false,
  needs_collective        boolean NOT NULL DEFAULT false,
  hearing_right           boolean NOT NULL DEFAULT false,
  notified_on             date,
  statement_due_on        date,
  decision_kind           text CHECK (decision_kind IN ('penalty', 'no_penalty', 'transfer')),
  decision_no             text UNIQUE,
  decided_on              date,
  served_on               date,
  serve_method            text,
  payment_due_on          date,
  fine_due_fen            bigint NOT NULL DEFAULT 0,
  paid_fen                bigint NOT NULL DEFAULT 0,
  case_value_fen          bigint NOT NULL DEFAULT 0,
  goods_value_fen         bigint NOT NULL DEFAULT 0,
  confiscated_fen         bigint NOT NULL DEFAULT 0,
  transferred_to_judiciary boolean NOT NULL DEFAULT false,
  typical                 boolean NOT NULL DEFAULT false,
  closed_on               date,
  created_by              bigint REFERENCES users (id),
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now(),
  version                 integer NOT NULL DEFAULT 1
);
ALTER TABLE case_leads ADD CONSTRAINT case_leads_case_fk FOREIGN KEY (case_id) REFERENCES cases (id);
-- The list: by status (stage) and unit, newest first, keyset on id.
CREATE INDEX cases_station_idx ON cases (station_id, id DESC);
CREATE INDEX cases_status_idx ON cases (status, id DESC);
CREATE INDEX cases_entity_idx ON cases (entity_id) WHERE entity_id IS NOT NULL;
CREATE INDEX cases_filed_idx ON cases (filed_on);
CREATE INDEX cases_decided_idx ON cases (decided_on) WHERE decided_on IS NOT NULL;
CREATE INDEX cases_open_due_idx ON cases (decision_due_on) WHERE closed_on IS NULL;

-- 承办人: ≥ 2 per general-procedure case, each with a credential valid on assignment.
CREATE TABLE case_officers (
  case_id      bigint NOT NULL REFERENCES cases (id),
  user_id      bigint NOT NULL REFERENCES users (id),
  lead_officer boolean NOT NULL DEFAULT false,
  credential_no text NOT NULL,
  assigned_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, user_id)
);
CREATE INDEX case_officers_user_idx ON case_officers (user_id, case_id);

CREATE TABLE case_violations (
  case_id            bigint NOT NULL REFERENCES cases (id),
  violation_type_id  bigint NOT NULL REFERENCES case_violation_types (id),
  PRIMARY KEY (case_id, violation_type_id)
);
CREATE INDEX case_violations_type_idx ON case_violations (violation_type_id);

-- The timeline: one row per transition, with the document it produced.
CREATE TABLE case_steps (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id      bigint NOT NULL REFERENCES cases (id),
  action       text NOT NULL,
  from_status  text,
  to_status    text NOT NULL,
  actor_id     bigint REFERENCES users (id),
  at           timestamptz NOT NULL DEFAULT now(),
  note         text,
  document_id  bigint,
  data         jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX case_steps_case_idx ON case_steps (case_id, id);

-- Excluded periods of a clock (检测/检验/检疫/鉴定, 权利人辨认, 中止, 听证, 公告): the clock pauses.
CREATE TABLE case_clock_pauses (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  lead_id     bigint REFERENCES case_leads (id),
  case_id     bigint REFERENCES cases (id),
  reason      text NOT NULL CHECK (reason IN ('testing', 'identification', 'suspension', 'hearing', 'public_notice')),
  note        text,
  started_on  date NOT NULL,
  ended_on    date,
  created_by  bigint REFERENCES users (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK ((lead_id IS NULL) <> (case_id IS NULL)),
  CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX case_clock_pauses_lead_idx ON case_clock_pauses (lead_id) WHERE lead_id IS NOT NULL;
CREATE INDEX case_clock_pauses_case_idx ON case_clock_pauses (case_id) WHERE case_id IS NOT NULL;
-- At most one open pause per subject.
CREATE UNIQUE INDEX case_clock_pauses_open_lead ON case_clock_pauses (lead_id) WHERE ended_on IS NULL AND lead_id IS NOT NULL;
CREATE UNIQUE INDEX case_clock_pauses_open_case ON case_clock_pauses (case_id) WHERE ended_on IS NULL AND case_id IS NOT NULL;

CREATE TABLE case_evidence (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id       bigint NOT NULL REFERENCES cases (id),
  kind          text NOT NULL CHECK (kind IN ('inquiry', 'site_record', 'photo', 'file', 'sample', 'other')),
  title         text NOT NULL,
  file_id       bigint REFERENCES stored_files (id),
  sha256        text,
  collected_on  date NOT NULL,
  collected_by  bigint REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_evidence_case_idx ON case_evidence (case_id, id);

-- 先行登记保存 (decided within 7 working days) and 查封扣押 (30 days, +30 once).
CREATE TABLE case_measures (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id      bigint NOT NULL REFERENCES cases (id),
  kind         text NOT NULL CHECK (kind IN ('preservation', 'seizure')),
  items        text NOT NULL,
  started_on   date NOT NULL,
  due_on       date NOT NULL,
  extended     boolean NOT NULL DEFAULT false,
  ended_on     date,
  outcome      text,
  created_by   bigint REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_measures_case_idx ON case_measures (case_id);
CREATE INDEX case_measures_open_idx ON case_measures (due_on) WHERE ended_on IS NULL;

-- One row per approver in a step's configured role chain; seq orders the chain within one request.
CREATE TABLE case_approvals (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id       bigint REFERENCES cases (id),
  lead_id       bigint REFERENCES case_leads (id),
  request_id    bigint NOT NULL,
  step          text NOT NULL CHECK (step IN ('leadExtension', 'filing', 'extension', 'legalReview', 'collective', 'decision', 'closing', 'instalment')),
  action        text NOT NULL,
  payload       jsonb NOT NULL DEFAULT '{}',
  seq           integer NOT NULL,
  role_code     text NOT NULL,
  requested_by  bigint NOT NULL REFERENCES users (id),
  requested_at  timestamptz NOT NULL DEFAULT now(),
  due_on        date,
  outcome       text CHECK (outcome IN ('approved', 'returned', 'cancelled')),
  decided_by    bigint REFERENCES users (id),
  decided_at    timestamptz,
  comment       text,
  UNIQUE (request_id, seq),
  CHECK ((lead_id IS NULL) <> (case_id IS NULL))
);
CREATE INDEX case_approvals_case_idx ON case_approvals (case_id, id) WHERE case_id IS NOT NULL;
CREATE INDEX case_approvals_pending_idx ON case_approvals (role_code, id) WHERE outcome IS NULL;
CREATE SEQUENCE case_approval_requests;

CREATE TABLE case_penalties (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id           bigint NOT NULL REFERENCES cases (id),
  kind              text NOT NULL CHECK (kind IN ('warning', 'reprimand', 'fine', 'confiscate_gains', 'confiscate_property',
                      'suspend_licence', 'revoke_licence', 'lower_qualification', 'restrict_operation', 'suspend_business',
                      'close_business', 'restrict_practice')),
  amount_fen        bigint NOT NULL DEFAULT 0 CHECK (amount_fen >= 0),
  discretion        text NOT NULL DEFAULT 'standard' CHECK (discretion IN ('standard', 'lighter', 'mitigated', 'heavier', 'exempt')),
  discretion_basis  text,
  note              text
);
CREATE INDEX case_penalties_case_idx ON case_penalties (case_id);

CREATE TABLE case_payments (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id      bigint NOT NULL REFERENCES cases (id),
  kind         text NOT NULL CHECK (kind IN ('fine', 'late_fee', 'confiscation')),
  amount_fen   bigint NOT NULL CHECK (amount_fen > 0),
  paid_on      date NOT NULL,
  receipt_no   text,
  recorded_by  bigint REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_payments_case_idx ON case_payments (case_id);

-- Document numbers per unit, kind and year: the counter row is locked while a number is taken, so numbers
-- have no gaps and no duplicates under concurrency.
CREATE TABLE case_document_counters (
  unit_id   bigint NOT NULL REFERENCES org_units (id),
  kind      text NOT NULL,
  year      integer NOT NULL,
  last_seq  integer NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_id, kind, year)
);

CREATE TABLE case_documents (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id       bigint REFERENCES cases (id),
  lead_id       bigint REFERENCES case_leads (id),
  kind          text NOT NULL,
  unit_id       bigint NOT NULL REFERENCES org_units (id),
  year          integer NOT NULL,
  seq           integer NOT NULL,
  doc_no        text NOT NULL UNIQUE,
  pdf_file_id   bigint REFERENCES stored_files (id),
  docx_file_id  bigint REFERENCES stored_files (id),
  -- What the template was filled with when the number was taken: the document renders the same every time.
  data          jsonb NOT NULL DEFAULT '{}',
  created_by    bigint REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (unit_id, kind, year, seq)
);
CREATE INDEX case_documents_case_idx ON case_documents (case_id) WHERE case_id IS NOT NULL;

-- 行政处罚信息公示 (SAMR Order 45): one row per decision, the summary frozen when published.
CREATE TABLE case_disclosures (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id         bigint NOT NULL UNIQUE REFERENCES cases (id),
  station_id      bigint NOT NULL REFERENCES org_units (id),
  status          text NOT NULL CHECK (status IN ('pending', 'published', 'withdrawn', 'removed', 'expired')),
  due_on          date NOT NULL,
  published_on    date,
  display_until   date,
  earliest_removal_on date,
  removable       boolean NOT NULL DEFAULT true,
  withdraw_due_on date,
  withdrawn_on    date,
  removed_on      date,
  reason          text,
  escalated_at    timestamptz,
  -- The public summary: number, party (individuals masked), USCC, violation, basis, content, authority, date.
  decision_no     text NOT NULL,
  party_name      text NOT NULL,
  party_uscc      text,
  violation       text NOT NULL,
  basis           text NOT NULL,
  content         text NOT NULL,
  authority       text NOT NULL,
  decided_on      date NOT NULL,
  search_text     text NOT NULL DEFAULT '',
  version         integer NOT NULL DEFAULT 1,
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_disclosures_due_idx ON case_disclosures (due_on) WHERE status = 'pending';
CREATE INDEX case_disclosures_public_idx ON case_disclosures (decided_on DESC, id DESC) WHERE status = 'published';
CREATE INDEX case_disclosures_uscc_idx ON case_disclosures (party_uscc) WHERE party_uscc IS NOT NULL;

-- Local policy (hearing thresholds, 大要案 and collective-discussion criteria, approval chains, disclosure):
-- one row, defaults in src/domain/case-rules.ts, edited by an administrator.
CREATE TABLE case_settings (
  id          integer PRIMARY KEY CHECK (id = 1),
  settings    jsonb NOT NULL,
  version     integer NOT NULL DEFAULT 1,
  updated_by  bigint REFERENCES users (id),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Built-in roles of an existing install learn the case permissions (new installs get them from builtin-roles.ts).
UPDATE roles SET permissions = permissions || ARRAY['case:read', 'case:write', 'case:approve', 'case:legal', 'case:settings']
  WHERE builtin AND code = 'admin';
UPDATE roles SET permissions = permissions || ARRAY['case:read', 'case:approve'] WHERE builtin AND code = 'leader';
UPDATE roles SET permissions = permissions || ARRAY['case:read', 'case:write'] WHERE builtin AND code IN ('dept_staff', 'inspector');
UPDATE roles SET permissions = permissions || ARRAY['case:read', 'case:write', 'case:approve'] WHERE builtin AND code = 'station_chief';
-- Only on an install that already has its roles; a new one gets this role from builtin-roles.ts.
INSERT INTO roles (code, name, permissions, data_scope, builtin)
  SELECT 'legal_reviewer', '法制审核人员', ARRAY['entity:read', 'case:read', 'case:legal', 'calendar:read'], 'all', true
  WHERE EXISTS (SELECT 1 FROM roles WHERE builtin)
  ON CONFLICT (code) DO NOTHING;
