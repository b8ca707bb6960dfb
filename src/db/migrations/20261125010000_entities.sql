-- 市场主体 registry: entities keyed by USCC, their licences and lifecycle history.

CREATE TABLE entities (
  id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- "C" collation so the unique index also serves USCC prefix search (LIKE 'x%') on any server locale.
  uscc                    text COLLATE "C" NOT NULL UNIQUE,
  type                    text NOT NULL CHECK (type IN ('enterprise', 'individualBusiness', 'farmerCooperative')),
  name                    text NOT NULL,
  -- Character bigrams of the name (computed in TypeScript) for Chinese substring search; see STACK.md.
  name_bigrams            tsvector NOT NULL,
  legal_rep_name          text,
  -- Resident ID: AES-256-GCM ciphertext, a keyed hash for exact lookup, and the masked form for lists.
  legal_rep_id_cipher     text,
  legal_rep_id_hash       text,
  legal_rep_id_masked     text,
  phone                   text,
  address                 text,
  region_code             text CHECK (region_code ~ '^\d{6}(\d{3}(\d{3})?)?$'),
  station_id              bigint NOT NULL REFERENCES org_units (id),
  industry_code           text,
  registered_capital_fen  bigint CHECK (registered_capital_fen >= 0),
  established_on          date NOT NULL,
  status                  text NOT NULL DEFAULT 'active'
                            CHECK (status IN ('active', 'suspended', 'revoked', 'deregistered', 'movedOut')),
  business_scope          text,
  -- A code whose check character fails but was accepted on purpose (real historical codes exist).
  uscc_override_reason    text,
  uscc_override_by        bigint REFERENCES users (id),
  created_by              bigint REFERENCES users (id),
  version                 integer NOT NULL DEFAULT 1,
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX entities_station_idx ON entities (station_id, id);
CREATE INDEX entities_name_bigrams_idx ON entities USING gin (name_bigrams);
CREATE INDEX entities_status_idx ON entities (status, id);
CREATE INDEX entities_type_idx ON entities (type, id);
CREATE INDEX entities_industry_idx ON entities (industry_code text_pattern_ops, id);
CREATE INDEX entities_region_idx ON entities (region_code text_pattern_ops, id);
CREATE INDEX entities_established_idx ON entities (established_on, id);
CREATE INDEX entities_legal_rep_id_hash_idx ON entities (legal_rep_id_hash) WHERE legal_rep_id_hash IS NOT NULL;

CREATE TABLE entity_licences (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity_id    bigint NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  kind         text NOT NULL,
  number       text NOT NULL,
  issued_on    date,
  valid_until  date,
  created_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kind, number)
);
CREATE INDEX entity_licences_entity_idx ON entity_licences (entity_id);
CREATE INDEX entity_licences_valid_until_idx ON entity_licences (valid_until);

-- Lifecycle: 设立 establish, 变更 change, 注销 deregister, 迁入 moveIn, 迁出 moveOut (and status changes).
CREATE TABLE entity_events (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity_id    bigint NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  kind         text NOT NULL CHECK (kind IN ('establish', 'change', 'deregister', 'moveIn', 'moveOut', 'suspend', 'resume', 'revoke')),
  occurred_on  date NOT NULL,
  before       jsonb,
  after        jsonb,
  note         text,
  actor_id     bigint REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX entity_events_entity_idx ON entity_events (entity_id, occurred_on, id);
