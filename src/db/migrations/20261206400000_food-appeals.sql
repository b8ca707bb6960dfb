-- 食品安全 (issue 13 point 6): the business's right to appeal a grade, to reply beside it and to ask for a re-rating
-- visit (what the UK FHRS has). The business is not a user: it acts with an access code printed on the grade notice.

-- One code per business; only its SHA-256 is kept (the code carries 60 random bits, so the hash cannot be reversed
-- by trying codes offline any faster than online). Re-issuing replaces the row; the old code stops working.
CREATE TABLE food_access_codes (
  business_id  bigint PRIMARY KEY REFERENCES food_businesses (id) ON DELETE CASCADE,
  code_hash    text NOT NULL UNIQUE,
  issued_by    bigint REFERENCES users (id),
  issued_at    timestamptz NOT NULL DEFAULT now()
);

-- 申诉: one per grade, decided by someone who did not inspect for it.
CREATE TABLE food_grade_appeals (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  business_id     bigint NOT NULL REFERENCES food_businesses (id) ON DELETE CASCADE,
  grade_id        bigint NOT NULL UNIQUE REFERENCES food_grades (id) ON DELETE CASCADE,
  grounds         text NOT NULL CHECK (length(grounds) BETWEEN 5 AND 2000),
  -- portal: the business with its code; paper: staff recorded a written appeal on its behalf
  channel         text NOT NULL CHECK (channel IN ('portal', 'paper')),
  contact_name    text,
  contact_phone   text,
  received_on     date NOT NULL,
  -- the decision's deadline (working days by the calendar)
  due_on          date NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'upheld', 'changed', 'gradeWithdrawn')),
  outcome_reason  text,
  new_grade_id    bigint REFERENCES food_grades (id),
  decided_by      bigint REFERENCES users (id),
  decided_at      timestamptz,
  file_ids        bigint[] NOT NULL DEFAULT '{}',
  recorded_by     bigint REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1
);
CREATE INDEX food_grade_appeals_due_idx ON food_grade_appeals (due_on, id) WHERE status = 'pending';
CREATE INDEX food_grade_appeals_business_idx ON food_grade_appeals (business_id, id);

-- The reply's moderation (the contract table holds the text and the status).
ALTER TABLE food_grade_replies
  ADD COLUMN review_due_on  date,
  ADD COLUMN reviewed_by    bigint REFERENCES users (id),
  ADD COLUMN reviewed_at    timestamptz,
  ADD COLUMN reject_reason  text,
  ADD COLUMN channel        text NOT NULL DEFAULT 'portal' CHECK (channel IN ('portal', 'paper')),
  ADD COLUMN updated_at     timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN version        integer NOT NULL DEFAULT 1;
CREATE INDEX food_grade_replies_review_idx ON food_grade_replies (review_due_on, id) WHERE status = 'submitted';
CREATE UNIQUE INDEX food_grade_replies_one_open_idx ON food_grade_replies (grade_id) WHERE status = 'submitted';
CREATE INDEX food_grade_replies_business_idx ON food_grade_replies (business_id, id);

-- 复评申请: after fixing the problems the business asks for a re-visit; accepted → a planned food_inspections row
-- (kind revisit) that the station's plan and inbox show.
CREATE TABLE food_revisit_requests (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  business_id    bigint NOT NULL REFERENCES food_businesses (id) ON DELETE CASCADE,
  reason         text NOT NULL CHECK (length(reason) BETWEEN 5 AND 1000),
  channel        text NOT NULL CHECK (channel IN ('portal', 'paper')),
  requested_on   date NOT NULL,
  due_on         date NOT NULL,
  status         text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'accepted', 'rejected')),
  reject_reason  text,
  inspection_id  bigint REFERENCES food_inspections (id),
  decided_by     bigint REFERENCES users (id),
  decided_at     timestamptz,
  recorded_by    bigint REFERENCES users (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  version        integer NOT NULL DEFAULT 1
);
CREATE INDEX food_revisit_requests_due_idx ON food_revisit_requests (due_on, id) WHERE status = 'requested';
CREATE INDEX food_revisit_requests_business_idx ON food_revisit_requests (business_id, requested_on DESC, id);
CREATE UNIQUE INDEX food_revisit_requests_one_open_idx ON food_revisit_requests (business_id) WHERE status = 'requested';

-- The three workflows' history (the audit log holds the same moves, hash-chained).
CREATE TABLE food_appeal_events (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  subject      text NOT NULL CHECK (subject IN ('appeal', 'reply', 'revisit')),
  subject_id   bigint NOT NULL,
  action       text NOT NULL,
  from_status  text,
  to_status    text,
  actor_id     bigint REFERENCES users (id),
  note         text,
  at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX food_appeal_events_subject_idx ON food_appeal_events (subject, subject_id, id);
