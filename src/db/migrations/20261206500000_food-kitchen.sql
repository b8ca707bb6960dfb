-- 明厨亮灶 (issue 13, point 8): camera platform vendors, the businesses enrolled with their cameras, and the AI
-- cameras' alerts received by the signed webhook. Enrollments and alerts carry no unit of their own: they are
-- exactly as readable as their food business (food-business kind, fb.station_id), like licences.

-- A camera platform company. Its HMAC key is stored encrypted (PII cipher), shown once when made or rotated; the
-- previous key stays valid for a grace period after a rotation so the vendor can switch without losing alerts.
CREATE TABLE kitchen_vendors (
  id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- X-Vendor-Id on the webhook
  code                  text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{2,39}$'),
  name                  text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  secret_enc            text NOT NULL,
  previous_secret_enc   text,
  previous_valid_until  timestamptz,
  secret_rotated_at     timestamptz NOT NULL DEFAULT now(),
  active                boolean NOT NULL DEFAULT true,
  created_by            bigint REFERENCES users (id),
  created_at            timestamptz NOT NULL DEFAULT now(),
  version               integer NOT NULL DEFAULT 1
);

-- A business's enrollment: one vendor, since when, ended when it leaves.
CREATE TABLE kitchen_enrollments (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  business_id  bigint NOT NULL UNIQUE REFERENCES food_businesses (id) ON DELETE CASCADE,
  vendor_id    bigint NOT NULL REFERENCES kitchen_vendors (id),
  enrolled_on  date NOT NULL,
  ended_on     date,
  created_by   bigint REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  version      integer NOT NULL DEFAULT 1
);
CREATE INDEX kitchen_enrollments_vendor_idx ON kitchen_enrollments (vendor_id, id);

-- One camera of an enrollment and the area it covers (后厨加工区, 洗消间, 备餐间, 仓库 …). A camera id is unique per
-- vendor: the webhook finds the business by (vendor, camera). Alerts of the camera lock this row to fold bursts.
CREATE TABLE kitchen_cameras (
  vendor_id      bigint NOT NULL REFERENCES kitchen_vendors (id),
  camera_id      text NOT NULL CHECK (length(camera_id) BETWEEN 1 AND 64),
  enrollment_id  bigint NOT NULL REFERENCES kitchen_enrollments (id) ON DELETE CASCADE,
  area           text NOT NULL CHECK (area IN ('processing', 'washing', 'preparing', 'storage', 'cooking', 'other')),
  PRIMARY KEY (vendor_id, camera_id)
);
CREATE INDEX kitchen_cameras_enrollment_idx ON kitchen_cameras (enrollment_id);

-- An alert: a burst of one event type on one camera folded into one row (count, first and last seen).
CREATE TABLE kitchen_alerts (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  business_id       bigint NOT NULL REFERENCES food_businesses (id) ON DELETE CASCADE,
  vendor_id         bigint NOT NULL REFERENCES kitchen_vendors (id),
  camera_id         text NOT NULL,
  area              text NOT NULL,
  event_type        text NOT NULL CHECK (event_type IN
                      ('noHat', 'noMask', 'smoking', 'phone', 'rodent', 'noUniform', 'binUncovered', 'other')),
  first_seen_at     timestamptz NOT NULL,
  last_seen_at      timestamptz NOT NULL,
  event_count       integer NOT NULL DEFAULT 1 CHECK (event_count >= 1),
  max_confidence    numeric(4, 3) NOT NULL CHECK (max_confidence BETWEEN 0 AND 1),
  -- the burst's first snapshot (stored_files, purpose kitchen-snapshot)
  snapshot_file_id  bigint REFERENCES stored_files (id),
  -- the inbox's due day for an unhandled alert: the day after it was first seen (Asia/Shanghai)
  due_on            date NOT NULL,
  status            text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'handled', 'ignored')),
  note              text,
  handled_by        bigint REFERENCES users (id),
  handled_at        timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  version           integer NOT NULL DEFAULT 1
);
CREATE INDEX kitchen_alerts_burst_idx ON kitchen_alerts (vendor_id, camera_id, event_type, last_seen_at DESC);
CREATE INDEX kitchen_alerts_business_idx ON kitchen_alerts (business_id, event_type, first_seen_at DESC);
CREATE INDEX kitchen_alerts_due_idx ON kitchen_alerts (due_on, id) WHERE status = 'new';

-- Every event received, by the vendor's event id: a second delivery of the same id is a replay (409, nothing
-- stored). The primary key makes two identical deliveries at once store one alert.
CREATE TABLE kitchen_events (
  vendor_id         bigint NOT NULL REFERENCES kitchen_vendors (id),
  event_id          text NOT NULL CHECK (length(event_id) BETWEEN 1 AND 100),
  alert_id          bigint REFERENCES kitchen_alerts (id) ON DELETE CASCADE,
  occurred_at       timestamptz NOT NULL,
  confidence        numeric(4, 3) NOT NULL,
  snapshot_file_id  bigint REFERENCES stored_files (id),
  received_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (vendor_id, event_id)
);
CREATE INDEX kitchen_events_alert_idx ON kitchen_events (alert_id);

-- What repeated alerts turned into: a planned follow-up inspection (food_inspections kind followup) or a case lead,
-- at most once per business, kind and escalation window.
CREATE TABLE kitchen_escalations (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  business_id    bigint NOT NULL REFERENCES food_businesses (id) ON DELETE CASCADE,
  kind           text NOT NULL CHECK (kind IN ('followup', 'caseLead')),
  event_type     text NOT NULL,
  alert_id       bigint REFERENCES kitchen_alerts (id) ON DELETE SET NULL,
  inspection_id  bigint REFERENCES food_inspections (id) ON DELETE SET NULL,
  case_lead_ref  text,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX kitchen_escalations_business_idx ON kitchen_escalations (business_id, kind, created_at DESC);

-- Vendors and thresholds are kept by those with food:settings (new installs get it from builtin-roles.ts).
UPDATE roles SET permissions = permissions || ARRAY['food:settings']
  WHERE builtin AND code IN ('admin', 'dept_staff') AND NOT ('food:settings' = ANY (permissions));
