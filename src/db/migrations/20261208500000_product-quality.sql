-- 产品质量监督抽查 and 3C (issue 14, points 10 and 11). The catalogues and the rule values are data (editable with
-- product:settings); every value below is a default to verify (docs/PRODUCT-QUALITY.md names its source).

-- 产品类别 the plans and 合格率 are counted by; risk_grade is the 涉安类 graded supervision class (A–D).
CREATE TABLE product_categories (
  code            text COLLATE "C" PRIMARY KEY CHECK (code ~ '^[a-z][a-zA-Z0-9]{1,39}$'),
  name            text NOT NULL,
  safety_related  boolean NOT NULL DEFAULT false,
  risk_grade      text NOT NULL DEFAULT 'B' CHECK (risk_grade IN ('A', 'B', 'C', 'D')),
  sort            integer NOT NULL DEFAULT 0,
  active          boolean NOT NULL DEFAULT true
);
INSERT INTO product_categories (code, name, safety_related, risk_grade, sort) VALUES
  ('electrical', '电器电工产品（涉安类）', true, 'D', 10),
  ('children', '儿童用品及玩具（涉安类）', true, 'D', 20),
  ('building', '建筑装饰装修材料', true, 'C', 30),
  ('fastener', '紧固件', false, 'B', 40),
  ('textile', '纺织服装', false, 'B', 50),
  ('dailyChemical', '日用化工产品', false, 'B', 60),
  ('gasAppliance', '燃气器具（涉安类）', true, 'C', 70),
  ('vehicleParts', '机动车及零部件（涉安类）', true, 'B', 80),
  ('agriculture', '农资产品', false, 'A', 90);

-- 分级监管: how often a category of each grade is sampled (months between rounds). Verify against the provincial plan.
CREATE TABLE product_risk_grades (
  grade            text PRIMARY KEY CHECK (grade IN ('A', 'B', 'C', 'D')),
  label            text NOT NULL,
  interval_months  integer NOT NULL CHECK (interval_months IN (3, 6, 12, 24)),
  source           text NOT NULL
);
INSERT INTO product_risk_grades (grade, label, interval_months, source) VALUES
  ('A', 'A 级（低风险）', 24, '待核实：涉安类产品分级分类监管，A 级每 2 年抽查一次'),
  ('B', 'B 级（一般风险）', 12, '待核实：B 级每年抽查一次'),
  ('C', 'C 级（较高风险）', 6, '待核实：C 级每半年抽查一次'),
  ('D', 'D 级（高风险）', 3, '待核实：D 级每季度抽查一次');

-- Rule values with their citation (异议/复检 window, 免办 after-check).
CREATE TABLE product_quality_rules (
  key     text PRIMARY KEY CHECK (key IN ('objectionDays', 'afterCheckDays', 'rectifyDays')),
  value   integer NOT NULL CHECK (value BETWEEN 1 AND 365),
  source  text NOT NULL
);
INSERT INTO product_quality_rules (key, value, source) VALUES
  ('objectionDays', 15, '《产品质量监督抽查管理暂行办法》第三十六条：收到不合格检验结论之日起 15 日内提出异议（待核实）'),
  ('afterCheckDays', 90, '免予办理强制性产品认证：批准后 90 日内完成后续核查（本地默认，待核实）'),
  ('rectifyDays', 60, '责令整改后复查抽样期限（本地默认，待核实）');

-- 强制性产品认证目录: the 4-digit product codes (as in a certificate number's positions 7–10) and their category.
CREATE TABLE ccc_catalogue (
  code           text COLLATE "C" PRIMARY KEY CHECK (code ~ '^[0-9]{4}$'),
  name           text NOT NULL,
  category_code  text COLLATE "C" REFERENCES product_categories (code)
);
CREATE INDEX ccc_catalogue_category_idx ON ccc_catalogue (category_code);
INSERT INTO ccc_catalogue (code, name, category_code) VALUES
  ('0101', '电线组件', 'electrical'),
  ('0201', '插头插座', 'electrical'),
  ('0701', '家用电冰箱和食品冷冻箱', 'electrical'),
  ('0703', '电风扇', 'electrical'),
  ('0707', '电热水器', 'electrical'),
  ('0901', '电视机（音视频设备）', 'electrical'),
  ('2201', '童车', 'children'),
  ('2202', '电玩具', 'children'),
  ('2203', '塑胶玩具', 'children'),
  ('2209', '机动车儿童乘员用约束系统', 'children'),
  ('2101', '溶剂型木器涂料', 'building'),
  ('2102', '瓷质砖', 'building'),
  ('1101', '汽车', 'vehicleParts'),
  ('1102', '摩托车', 'vehicleParts'),
  ('2001', '家用燃气灶具', 'gasAppliance');

CREATE TABLE product_sampling_plans (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  station_id      bigint NOT NULL REFERENCES org_units (id),
  category_code   text COLLATE "C" NOT NULL REFERENCES product_categories (code),
  name            text NOT NULL,
  period_start    date NOT NULL,
  period_end      date NOT NULL CHECK (period_end >= period_start),
  target_batches  integer NOT NULL CHECK (target_batches > 0),
  created_by      bigint REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (station_id, category_code, period_start)
);
CREATE INDEX product_sampling_plans_category_idx ON product_sampling_plans (category_code);

CREATE TABLE product_samples (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id              bigint REFERENCES product_sampling_plans (id) ON DELETE SET NULL,
  entity_id            bigint NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  party_role           text NOT NULL CHECK (party_role IN ('producer', 'seller')),
  station_id           bigint NOT NULL REFERENCES org_units (id),
  category_code        text COLLATE "C" NOT NULL REFERENCES product_categories (code),
  product_name         text NOT NULL,
  model                text NOT NULL DEFAULT '',
  batch_no             text NOT NULL DEFAULT '',
  sampled_on           date NOT NULL,
  lab_name             text NOT NULL,
  status               text NOT NULL DEFAULT 'sampled' CHECK (status IN
    ('sampled', 'tested', 'notified', 'retestRequested', 'retested', 'rectifying', 'closed')),
  tested_on            date,
  report_no            text,
  conclusion           text CHECK (conclusion IN ('pass', 'fail')),
  notice_no            text UNIQUE,
  received_on          date,
  objection_due_on     date,
  retest_requested_on  date,
  retest_conclusion    text CHECK (retest_conclusion IN ('pass', 'fail')),
  rectify_due_on       date,
  case_lead_ref        text,
  follow_up_of         bigint REFERENCES product_samples (id) ON DELETE SET NULL,
  created_by           bigint REFERENCES users (id),
  created_at           timestamptz NOT NULL DEFAULT now(),
  version              integer NOT NULL DEFAULT 1
);
CREATE INDEX product_samples_station_idx ON product_samples (station_id, id DESC);
CREATE INDEX product_samples_entity_idx ON product_samples (entity_id, id);
CREATE INDEX product_samples_plan_idx ON product_samples (plan_id) WHERE plan_id IS NOT NULL;
CREATE INDEX product_samples_category_idx ON product_samples (category_code);
CREATE INDEX product_samples_follow_up_idx ON product_samples (follow_up_of) WHERE follow_up_of IS NOT NULL;
CREATE INDEX product_samples_year_idx ON product_samples (sampled_on) WHERE conclusion IS NOT NULL;
CREATE INDEX product_samples_rectify_idx ON product_samples (rectify_due_on, id) WHERE status = 'rectifying';

CREATE TABLE product_sample_items (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sample_id   bigint NOT NULL REFERENCES product_samples (id) ON DELETE CASCADE,
  retest      boolean NOT NULL DEFAULT false,
  item_name   text NOT NULL,
  value       text NOT NULL,
  standard    text NOT NULL,
  conclusion  text NOT NULL CHECK (conclusion IN ('pass', 'fail'))
);
CREATE INDEX product_sample_items_sample_idx ON product_sample_items (sample_id, retest, id);

CREATE TABLE product_sample_events (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sample_id    bigint NOT NULL REFERENCES product_samples (id) ON DELETE CASCADE,
  action       text NOT NULL,
  from_status  text,
  to_status    text NOT NULL,
  note         text,
  actor_id     bigint REFERENCES users (id),
  at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX product_sample_events_sample_idx ON product_sample_events (sample_id, id);

-- 3C certificates held by registry entities (numbers checked in src/domain/ccc.ts).
CREATE TABLE ccc_certificates (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity_id       bigint NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  station_id      bigint NOT NULL REFERENCES org_units (id),
  certificate_no  text NOT NULL UNIQUE,
  catalogue_code  text COLLATE "C" NOT NULL REFERENCES ccc_catalogue (code),
  product_name    text NOT NULL,
  issued_on       date NOT NULL,
  expires_on      date NOT NULL CHECK (expires_on > issued_on),
  created_by      bigint REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ccc_certificates_entity_idx ON ccc_certificates (entity_id);
CREATE INDEX ccc_certificates_station_idx ON ccc_certificates (station_id, id DESC);
CREATE INDEX ccc_certificates_catalogue_idx ON ccc_certificates (catalogue_code);

-- 免办3C approvals; each is followed by one scheduled after-check (due date from product_quality_rules).
CREATE TABLE ccc_exemptions (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity_id           bigint NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  station_id          bigint NOT NULL REFERENCES org_units (id),
  approval_no         text NOT NULL UNIQUE,
  catalogue_code      text COLLATE "C" NOT NULL REFERENCES ccc_catalogue (code),
  product_name        text NOT NULL,
  quantity            integer NOT NULL CHECK (quantity > 0),
  reason              text NOT NULL,
  approved_on         date NOT NULL,
  after_check_due_on  date NOT NULL,
  after_checked_on    date,
  after_check_result  text CHECK (after_check_result IN ('compliant', 'nonCompliant')),
  after_check_note    text,
  created_by          bigint REFERENCES users (id),
  created_at          timestamptz NOT NULL DEFAULT now(),
  version             integer NOT NULL DEFAULT 1
);
CREATE INDEX ccc_exemptions_entity_idx ON ccc_exemptions (entity_id);
CREATE INDEX ccc_exemptions_station_idx ON ccc_exemptions (station_id, id DESC);
CREATE INDEX ccc_exemptions_catalogue_idx ON ccc_exemptions (catalogue_code);
CREATE INDEX ccc_exemptions_due_idx ON ccc_exemptions (after_check_due_on, id) WHERE after_checked_on IS NULL;
