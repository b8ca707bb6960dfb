-- 12315: complaints (投诉), reports (举报) and inquiries (咨询), their legal clocks, timeline and files.

CREATE TABLE complaint_categories (
  code         text PRIMARY KEY,
  name         text NOT NULL,
  parent_code  text REFERENCES complaint_categories (code),
  sort_order   integer NOT NULL DEFAULT 0,
  active       boolean NOT NULL DEFAULT true
);

INSERT INTO complaint_categories (code, name, parent_code, sort_order) VALUES
  ('goods', '商品类', NULL, 1),
  ('goods.food', '食品', 'goods', 1),
  ('goods.appliance', '家用电器', 'goods', 2),
  ('goods.clothing', '服装鞋帽', 'goods', 3),
  ('goods.telecom-device', '通讯产品', 'goods', 4),
  ('goods.vehicle', '交通工具及配件', 'goods', 5),
  ('goods.daily', '日用商品', 'goods', 6),
  ('goods.building', '房屋及建材', 'goods', 7),
  ('goods.medicine', '医药及医疗用品', 'goods', 8),
  ('goods.cosmetics', '化妆品', 'goods', 9),
  ('goods.agricultural', '农用生产资料', 'goods', 10),
  ('goods.other', '其他商品', 'goods', 99),
  ('service', '服务类', NULL, 2),
  ('service.catering', '餐饮和住宿服务', 'service', 1),
  ('service.beauty', '美容美发服务', 'service', 2),
  ('service.education', '教育培训服务', 'service', 3),
  ('service.telecom', '电信服务', 'service', 4),
  ('service.internet', '互联网服务', 'service', 5),
  ('service.property', '物业服务', 'service', 6),
  ('service.travel', '旅游服务', 'service', 7),
  ('service.renovation', '房屋装修服务', 'service', 8),
  ('service.prepaid', '预付式消费', 'service', 9),
  ('service.repair', '维修服务', 'service', 10),
  ('service.fitness', '文化娱乐体育服务', 'service', 11),
  ('service.other', '其他服务', 'service', 99);

CREATE TABLE complaints (
  id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tracking_code         text NOT NULL UNIQUE,
  kind                  text NOT NULL CHECK (kind IN ('complaint', 'report', 'inquiry')),
  channel               text NOT NULL CHECK (channel IN ('phone', 'letter', 'visit', 'portal', 'open311', 'transfer')),
  status                text NOT NULL DEFAULT 'received',
  rule_set_code         text NOT NULL,
  received_at           timestamptz NOT NULL DEFAULT now(),
  received_on           date NOT NULL,
  station_id            bigint NOT NULL REFERENCES org_units (id),
  handler_id            bigint REFERENCES users (id),
  -- The person: protected. Phone and name stay readable for the owning unit's handlers only.
  person_name           text NOT NULL,
  person_phone          text NOT NULL,
  person_id_cipher      text,
  person_id_masked      text,
  confidential          boolean NOT NULL DEFAULT false,
  entity_id             bigint REFERENCES entities (id),
  business_name         text,
  business_address      text,
  region_code           text,
  category_code         text REFERENCES complaint_categories (code),
  amount_fen            bigint CHECK (amount_fen >= 0),
  description           text NOT NULL,
  -- A submission that is both a complaint and a report is split into two records linked both ways.
  linked_id             bigint REFERENCES complaints (id),
  idempotency_key       text UNIQUE,
  ground_code           text,
  transferred_to        text,
  result_text           text,
  recovered_fen         bigint NOT NULL DEFAULT 0 CHECK (recovered_fen >= 0),
  feedback_channel      text,
  feedback_text         text,
  satisfaction          smallint CHECK (satisfaction BETWEEN 1 AND 5),
  escalation_level      integer NOT NULL DEFAULT 0,
  escalated_at          timestamptz,
  case_lead_ref         text,
  created_by            bigint REFERENCES users (id),
  version               integer NOT NULL DEFAULT 1,
  updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX complaints_station_idx ON complaints (station_id, id);
CREATE INDEX complaints_status_idx ON complaints (status, id);
CREATE INDEX complaints_received_idx ON complaints (received_on, id);
CREATE INDEX complaints_category_idx ON complaints (category_code, received_on);
CREATE INDEX complaints_entity_idx ON complaints (entity_id, received_on) WHERE entity_id IS NOT NULL;
CREATE INDEX complaints_handler_idx ON complaints (handler_id, id) WHERE handler_id IS NOT NULL;

CREATE TABLE complaint_deadlines (
  complaint_id      bigint NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  step              text NOT NULL,
  started_on        date NOT NULL,
  due_on            date NOT NULL,
  provisional       boolean NOT NULL DEFAULT false,
  met_at            timestamptz,
  extension_reason  text,
  PRIMARY KEY (complaint_id, step)
);
CREATE INDEX complaint_deadlines_open_idx ON complaint_deadlines (due_on) WHERE met_at IS NULL;

CREATE TABLE complaint_events (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  complaint_id  bigint NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  action        text NOT NULL,
  from_status   text,
  to_status     text,
  note          text,
  data          jsonb NOT NULL DEFAULT '{}',
  actor_id      bigint REFERENCES users (id),
  at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX complaint_events_complaint_idx ON complaint_events (complaint_id, id);

CREATE TABLE complaint_attachments (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  complaint_id  bigint NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  file_name     text NOT NULL,
  mime_type     text NOT NULL,
  size_bytes    integer NOT NULL CHECK (size_bytes > 0),
  sha256        text NOT NULL,
  content       bytea NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX complaint_attachments_complaint_idx ON complaint_attachments (complaint_id);
