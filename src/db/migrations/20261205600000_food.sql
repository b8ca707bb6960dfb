-- 食品安全 (issue 13, points 1 and 7): food businesses linked to the registry entity, their licences/filings/
-- registrations and their staff's health certificates. A business lies in its entity's station (food-business kind,
-- fb.station_id); its licences and certificates are exactly as readable as it is.
CREATE TABLE food_businesses (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity_id     bigint NOT NULL UNIQUE REFERENCES entities (id) ON DELETE CASCADE,
  station_id    bigint NOT NULL REFERENCES org_units (id),
  -- The station inspector in charge (包保/责任检查员): expiring health certificates go to their inbox.
  inspector_id  bigint REFERENCES users (id),
  created_by    bigint REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  version       integer NOT NULL DEFAULT 1
);
CREATE INDEX food_businesses_station_idx ON food_businesses (station_id, id);
CREATE INDEX food_businesses_inspector_idx ON food_businesses (inspector_id) WHERE inspector_id IS NOT NULL;

CREATE TABLE food_licences (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  business_id     bigint NOT NULL REFERENCES food_businesses (id) ON DELETE CASCADE,
  kind            text NOT NULL CHECK (kind IN ('operation', 'production', 'filing', 'workshop', 'vendor')),
  licence_no      text NOT NULL UNIQUE,
  categories      text[] NOT NULL DEFAULT '{}',
  issued_on       date NOT NULL,
  valid_until     date NOT NULL CHECK (valid_until > issued_on),
  -- The last day to apply for 延续 (working days before valid_until, by the work calendar at entry).
  renewal_due_on  date NOT NULL,
  status          text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'renewed', 'revoked', 'cancelled')),
  created_by      bigint REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX food_licences_business_idx ON food_licences (business_id, id);
CREATE INDEX food_licences_no_prefix_idx ON food_licences (licence_no text_pattern_ops);
CREATE INDEX food_licences_expiry_idx ON food_licences (valid_until, id) WHERE status = 'active';
CREATE INDEX food_licences_renewal_idx ON food_licences (renewal_due_on, id) WHERE status = 'active';

CREATE TABLE food_health_certificates (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  business_id     bigint NOT NULL REFERENCES food_businesses (id) ON DELETE CASCADE,
  staff_name      text NOT NULL,
  certificate_no  text NOT NULL,
  issued_on       date NOT NULL,
  valid_until     date NOT NULL CHECK (valid_until > issued_on),
  -- superseded: a newer certificate of the same person at the business; left: the person left.
  status          text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'superseded', 'left')),
  created_by      bigint REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (business_id, certificate_no)
);
CREATE INDEX food_health_certificates_business_idx ON food_health_certificates (business_id, id);
CREATE INDEX food_health_certificates_expiry_idx ON food_health_certificates (valid_until, id) WHERE status = 'active';

-- Built-in roles of an existing install learn the food permissions (new installs get them from builtin-roles.ts).
UPDATE roles SET permissions = permissions || ARRAY['food:read', 'food:write']
  WHERE builtin AND code IN ('admin', 'dept_staff', 'station_chief', 'inspector') AND NOT ('food:read' = ANY (permissions));
UPDATE roles SET permissions = permissions || ARRAY['food:read']
  WHERE builtin AND code = 'leader' AND NOT ('food:read' = ANY (permissions));
