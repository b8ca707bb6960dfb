-- 日常监督检查 and 量化分级 (issue 13 points 3–4): the national checklist as versioned data, an inspection's
-- per-item results, its consequences (责令整改, follow-up, case lead) and 食品安全事故 that hold back a dynamic
-- grade. The visit itself (inspectors, 回避, photos, signatures, record.pdf, publication clock) is a
-- spot_check_visits row of the one visit engine: a food inspection gets its own spot_check_plans row of kind
-- 'food' (UNIQUE (plan_id, entity_id) then never collides with a follow-up of the same business).

ALTER TABLE spot_check_plans ADD COLUMN kind text NOT NULL DEFAULT 'spotCheck' CHECK (kind IN ('spotCheck', 'food'));

-- 监督检查要点表, one version per business type; an inspection keeps the version it was done on.
CREATE TABLE food_checklist_versions (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  business_type  text NOT NULL CHECK (business_type IN ('catering', 'sales', 'production')),
  version        text NOT NULL,
  title          text NOT NULL,
  basis          text NOT NULL,
  effective_on   date NOT NULL,
  active         boolean NOT NULL DEFAULT true,
  created_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (business_type, version)
);
CREATE UNIQUE INDEX food_checklist_versions_active_idx ON food_checklist_versions (business_type) WHERE active;

CREATE TABLE food_checklist_items (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  version_id  bigint NOT NULL REFERENCES food_checklist_versions (id),
  seq         integer NOT NULL,
  section     text NOT NULL,
  code        text NOT NULL,
  name        text NOT NULL,
  -- 重点项 (*) or 一般项
  key         boolean NOT NULL,
  UNIQUE (version_id, code)
);
CREATE INDEX food_checklist_items_version_idx ON food_checklist_items (version_id, seq);

ALTER TABLE food_inspections
  ADD COLUMN checklist_version_id bigint REFERENCES food_checklist_versions (id),
  ADD COLUMN key_failures integer,
  ADD COLUMN general_failures integer,
  -- 责令整改: the deadline (working days from the inspection) and the planned follow-up row
  ADD COLUMN rectify_due_on date,
  ADD COLUMN followup_id bigint REFERENCES food_inspections (id),
  ADD COLUMN followup_of bigint REFERENCES food_inspections (id),
  ADD COLUMN case_lead_ref text,
  -- why no dynamic grade was given (newLicence | incident), null when graded
  ADD COLUMN grade_withheld text,
  ADD COLUMN notes text;
CREATE INDEX food_inspections_station_status_idx ON food_inspections (station_id, status, id DESC);

-- One result per checklist item: 符合 / 不符合 / 合理缺项.
CREATE TABLE food_inspection_results (
  inspection_id  bigint NOT NULL REFERENCES food_inspections (id) ON DELETE CASCADE,
  item_id        bigint NOT NULL REFERENCES food_checklist_items (id),
  outcome        text NOT NULL CHECK (outcome IN ('pass', 'fail', 'na')),
  notes          text,
  file_ids       bigint[] NOT NULL DEFAULT '{}',
  recorded_by    bigint REFERENCES users (id),
  recorded_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (inspection_id, item_id)
);

-- 食品安全事故 of a business: no dynamic grade for 6 months after one.
CREATE TABLE food_incidents (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  business_id  bigint NOT NULL REFERENCES food_businesses (id) ON DELETE CASCADE,
  occurred_on  date NOT NULL,
  summary      text NOT NULL CHECK (length(summary) BETWEEN 1 AND 500),
  created_by   bigint REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX food_incidents_business_idx ON food_incidents (business_id, occurred_on DESC);
CREATE INDEX food_grades_dynamic_window_idx ON food_grades (graded_on, business_id) WHERE kind = 'dynamic' AND status <> 'withdrawn';

INSERT INTO food_checklist_versions (business_type, version, title, basis, effective_on) VALUES
  ('catering', '2022', '餐饮服务监督检查要点表', '《食品生产经营监督检查管理办法》（市场监管总局令第49号）附件', '2022-03-15'),
  ('sales', '2022', '食品销售监督检查要点表', '《食品生产经营监督检查管理办法》（市场监管总局令第49号）附件', '2022-03-15'),
  ('production', '2022', '食品生产监督检查要点表', '《食品生产经营监督检查管理办法》（市场监管总局令第49号）附件', '2022-03-15');

INSERT INTO food_checklist_items (version_id, seq, section, code, name, key)
SELECT v.id, t.seq, t.section, t.code, t.name, t.key
  FROM food_checklist_versions v
  JOIN (VALUES
  ('catering', 1, '经营资质', 'CY-1.1', '经营者持有有效的食品经营许可证，实际经营地址、主体业态、经营项目与许可一致', true),
  ('catering', 2, '经营资质', 'CY-1.2', '在经营场所显著位置悬挂或摆放食品经营许可证正本', false),
  ('catering', 3, '经营资质', 'CY-1.3', '公示最近一次监督检查结果记录表', false),
  ('catering', 4, '从业人员管理', 'CY-2.1', '从事接触直接入口食品工作的从业人员持有有效的健康证明', true),
  ('catering', 5, '从业人员管理', 'CY-2.2', '配备食品安全管理人员并经培训考核合格', false),
  ('catering', 6, '从业人员管理', 'CY-2.3', '从业人员穿戴清洁的工作衣帽，专间操作人员佩戴口罩', false),
  ('catering', 7, '环境卫生', 'CY-3.1', '食品处理区地面、墙壁、门窗清洁，无积水、无霉斑', false),
  ('catering', 8, '环境卫生', 'CY-3.2', '防蝇、防鼠、防虫设施有效，未发现虫害迹象', false),
  ('catering', 9, '环境卫生', 'CY-3.3', '废弃物存放容器加盖密闭，餐厨废弃物按规定处置并记录', false),
  ('catering', 10, '原料控制', 'CY-4.1', '查验供货者许可证和产品合格证明，建立进货查验记录', true),
  ('catering', 11, '原料控制', 'CY-4.2', '未采购、使用超过保质期、腐败变质或禁止生产经营的食品及原料', true),
  ('catering', 12, '原料控制', 'CY-4.3', '原料分区分架存放，离墙离地，冷藏冷冻温度符合要求', false),
  ('catering', 13, '加工制作过程', 'CY-5.1', '生熟分开，工具、容器、设备标识清晰并分开使用', true),
  ('catering', 14, '加工制作过程', 'CY-5.2', '烹饪食品烧熟煮透，中心温度不低于70℃', false),
  ('catering', 15, '加工制作过程', 'CY-5.3', '专间、专用操作区专人操作，紫外线灯、空调等设施正常使用', true),
  ('catering', 16, '加工制作过程', 'CY-5.4', '集体用餐配送、中央厨房及一次性供餐100人以上的按规定留样（125克、48小时）', true),
  ('catering', 17, '设施设备', 'CY-6.1', '配备与经营规模相适应的冷藏、冷冻、加热保温设施并正常运转', false),
  ('catering', 18, '设施设备', 'CY-6.2', '洗手消毒设施完好，配有洗手液等用品', false),
  ('catering', 19, '餐饮具清洗消毒', 'CY-7.1', '餐饮具、接触直接入口食品的容器使用前洗净消毒', true),
  ('catering', 20, '餐饮具清洗消毒', 'CY-7.2', '消毒后的餐饮具存放在专用保洁设施内', false),
  ('catering', 21, '餐饮具清洗消毒', 'CY-7.3', '使用集中消毒餐饮具的，查验并留存消毒合格证明', false),
  ('catering', 22, '食品添加剂', 'CY-8.1', '食品添加剂专店采购、专柜存放、专人负责、专用工具、专本记录', false),
  ('catering', 23, '食品添加剂', 'CY-8.2', '未超范围、超限量使用食品添加剂，未使用非食用物质', true),
  ('catering', 24, '食品安全管理制度', 'CY-9.1', '建立并执行食品安全管理制度和食品安全自查制度', false),
  ('catering', 25, '食品安全管理制度', 'CY-9.2', '制定食品安全事故处置方案', false),
  ('sales', 1, '经营资质', 'XS-1.1', '经营者持有有效的食品经营许可证或备案凭证，经营项目与许可一致', true),
  ('sales', 2, '经营资质', 'XS-1.2', '在经营场所显著位置悬挂或摆放许可证正本', false),
  ('sales', 3, '经营条件', 'XS-2.1', '经营场所环境整洁，与有毒有害场所保持规定距离', false),
  ('sales', 4, '经营条件', 'XS-2.2', '具有与经营食品品种相适应的冷藏、冷冻、防尘、防蝇、防鼠设施', false),
  ('sales', 5, '从业人员管理', 'XS-3.1', '从事接触直接入口食品工作的从业人员持有有效的健康证明', true),
  ('sales', 6, '从业人员管理', 'XS-3.2', '配备食品安全管理人员，开展培训考核', false),
  ('sales', 7, '进货查验', 'XS-4.1', '查验供货者许可证和食品出厂检验合格证或其他合格证明', true),
  ('sales', 8, '进货查验', 'XS-4.2', '如实记录食品名称、规格、数量、生产日期或批号、保质期、进货日期及供货者信息，记录保存期限符合要求', true),
  ('sales', 9, '贮存', 'XS-5.1', '未经营超过保质期、腐败变质或标注虚假生产日期的食品', true),
  ('sales', 10, '贮存', 'XS-5.2', '食品与非食品、生食与熟食分区存放，离墙离地', false),
  ('sales', 11, '贮存', 'XS-5.3', '冷藏、冷冻食品贮存温度符合标签标示要求并有温度记录', false),
  ('sales', 12, '标签', 'XS-6.1', '预包装食品标签标示内容完整，无虚假、夸大宣传', true),
  ('sales', 13, '标签', 'XS-6.2', '散装食品在容器、外包装上标明名称、生产日期或批号、保质期及生产经营者信息', false),
  ('sales', 14, '标签', 'XS-6.3', '进口预包装食品有中文标签，与入境货物检验检疫证明一致', true),
  ('sales', 15, '特殊食品', 'XS-7.1', '保健食品、特殊医学用途配方食品、婴幼儿配方食品设专区或专柜销售并有提示牌', false),
  ('sales', 16, '食品安全管理制度', 'XS-8.1', '建立并执行食品安全自查、不安全食品停止经营等制度', false),
  ('sales', 17, '食品安全管理制度', 'XS-8.2', '定期检查库存食品，及时清理变质或者超过保质期的食品', false),
  ('sales', 18, '食品安全事故处置', 'XS-9.1', '制定食品安全事故处置方案，发生事故及时报告并处置', false),
  ('production', 1, '生产者资质', 'SC-1.1', '持有有效的食品生产许可证，生产的食品在许可范围内', true),
  ('production', 2, '生产者资质', 'SC-1.2', '生产场所、主要设备设施、工艺流程与许可时一致', false),
  ('production', 3, '生产环境条件', 'SC-2.1', '厂区无扬尘、积水，车间清洁卫生，无异味', false),
  ('production', 4, '生产环境条件', 'SC-2.2', '车间内设备设施维护保养良好，防虫防鼠设施有效', false),
  ('production', 5, '进货查验结果', 'SC-3.1', '查验食品原辅料、食品添加剂、食品相关产品供货者许可证和产品合格证明', true),
  ('production', 6, '进货查验结果', 'SC-3.2', '建立并保存原辅料进货查验记录', false),
  ('production', 7, '生产过程控制', 'SC-4.1', '未使用非食品原料、回收食品或超过保质期的原料生产食品', true),
  ('production', 8, '生产过程控制', 'SC-4.2', '按标准使用食品添加剂，未超范围、超限量，建立使用记录', true),
  ('production', 9, '生产过程控制', 'SC-4.3', '关键控制点（杀菌、配料、金属检测等）按规定控制并记录', true),
  ('production', 10, '生产过程控制', 'SC-4.4', '生产用水符合GB 5749要求', false),
  ('production', 11, '产品检验结果', 'SC-5.1', '按规定实施出厂检验，留存检验记录和样品', true),
  ('production', 12, '产品检验结果', 'SC-5.2', '检验设备、仪器经计量检定或校准并在有效期内', false),
  ('production', 13, '贮存及交付控制', 'SC-6.1', '原料、半成品、成品分区贮存，贮存条件符合要求', false),
  ('production', 14, '贮存及交付控制', 'SC-6.2', '如实记录出厂销售信息', false),
  ('production', 15, '不合格品管理和召回', 'SC-7.1', '建立并执行不合格品管理和食品召回制度，记录召回和处置情况', true),
  ('production', 16, '标签和说明书', 'SC-8.1', '标签标示内容符合GB 7718等标准，与产品一致', false),
  ('production', 17, '从业人员管理', 'SC-9.1', '配备食品安全管理人员和专业技术人员，从业人员持有有效健康证明', false),
  ('production', 18, '食品安全自查', 'SC-10.1', '定期开展食品安全自查，发现问题及时整改并报告', false),
  ('production', 19, '信息记录和追溯', 'SC-11.1', '建立食品安全追溯体系，记录真实完整', false),
  ('production', 20, '食品安全事故处置', 'SC-12.1', '制定食品安全事故处置方案，定期检查防范措施落实', false)
  ) AS t (business_type, seq, section, code, name, key) ON t.business_type = v.business_type AND v.version = '2022';
