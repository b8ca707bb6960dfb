-- 特种设备 (issue 14, point 1): the equipment register. Categories are a dictionary (the TSG catalogue's codes and
-- sub-types); a piece of equipment belongs to its user unit (使用单位, a registry entity) and lies in that unit's
-- station unless placed elsewhere (equipment kind, eq.station_id). Inspection intervals, states, hazards, orders,
-- plates and maintenance come in their own migrations.
CREATE TABLE equipment_categories (
  code         text COLLATE "C" PRIMARY KEY CHECK (code ~ '^[0-9A-F][0-9A-Z]{3}$'),
  -- The top-level category (1000, 2000 …) of a sub-type; null for a top-level row.
  parent_code  text COLLATE "C" REFERENCES equipment_categories (code),
  name         text NOT NULL,
  sort         integer NOT NULL DEFAULT 0,
  active       boolean NOT NULL DEFAULT true
);

INSERT INTO equipment_categories (code, parent_code, name, sort) VALUES
  ('1000', NULL, '锅炉', 10),
  ('2000', NULL, '压力容器', 20),
  ('3000', NULL, '电梯', 30),
  ('4000', NULL, '起重机械', 40),
  ('5000', NULL, '场（厂）内专用机动车辆', 50),
  ('6000', NULL, '大型游乐设施', 60),
  ('7000', NULL, '压力管道元件', 70),
  ('8000', NULL, '压力管道', 80),
  ('9000', NULL, '客运索道', 90),
  ('F000', NULL, '安全附件', 100),
  ('1100', '1000', '承压蒸汽锅炉', 11),
  ('1200', '1000', '承压热水锅炉', 12),
  ('1300', '1000', '有机热载体锅炉', 13),
  ('2100', '2000', '固定式压力容器', 21),
  ('2200', '2000', '移动式压力容器', 22),
  ('2300', '2000', '气瓶', 23),
  ('2400', '2000', '氧舱', 24),
  ('3100', '3000', '曳引与强制驱动电梯', 31),
  ('3200', '3000', '液压驱动电梯', 32),
  ('3300', '3000', '自动扶梯与自动人行道', 33),
  ('3400', '3000', '其他类型电梯', 34),
  ('4100', '4000', '桥式起重机', 41),
  ('4200', '4000', '门式起重机', 42),
  ('4300', '4000', '塔式起重机', 43),
  ('4400', '4000', '流动式起重机', 44),
  ('4700', '4000', '门座式起重机', 47),
  ('4800', '4000', '升降机', 48),
  ('4900', '4000', '缆索式起重机', 49),
  ('4A00', '4000', '桅杆式起重机', 50),
  ('4D00', '4000', '机械式停车设备', 53),
  ('5100', '5000', '机动工业车辆', 51),
  ('5200', '5000', '非公路用旅游观光车辆', 52),
  ('6100', '6000', '观览车类', 61),
  ('6200', '6000', '滑行车类', 62),
  ('6300', '6000', '架空游览车类', 63),
  ('6400', '6000', '陀螺类', 64),
  ('6500', '6000', '飞行塔类', 65),
  ('6600', '6000', '转马类', 66),
  ('6700', '6000', '自控飞机类', 67),
  ('6800', '6000', '赛车类', 68),
  ('6900', '6000', '小火车类', 69),
  ('6A00', '6000', '碰碰车类', 70),
  ('6B00', '6000', '滑道类', 71),
  ('6D00', '6000', '水上游乐设施', 73),
  ('6E00', '6000', '无动力游乐设施', 74),
  ('8100', '8000', '长输管道', 81),
  ('8200', '8000', '公用管道', 82),
  ('8300', '8000', '工业管道', 83),
  ('9100', '9000', '客运架空索道', 91),
  ('9200', '9000', '客运缆车', 92),
  ('9300', '9000', '客运拖牵索道', 93);

CREATE TABLE equipment (
  id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- 设备代码 (the maker's or registration code); its first four characters name the category.
  equipment_code         text COLLATE "C" NOT NULL UNIQUE,
  category_code          text COLLATE "C" NOT NULL REFERENCES equipment_categories (code),
  -- 使用登记证编号; null while 未登记.
  registration_no        text COLLATE "C" UNIQUE,
  -- 使用单位: the registry entity that uses the equipment.
  entity_id              bigint NOT NULL REFERENCES entities (id),
  station_id             bigint NOT NULL REFERENCES org_units (id),
  maker_name             text,
  installer_name         text,
  -- 维保单位 (lifts: the maker or a licensed unit), a registry entity when known.
  maintenance_entity_id  bigint REFERENCES entities (id),
  maintenance_unit_name  text,
  model                  text,
  address                text NOT NULL,
  -- The township (9-digit region code) for lists by 乡镇/街道 and the map.
  region_code            text CHECK (region_code ~ '^\d{6}(\d{3}(\d{3})?)?$'),
  latitude               numeric(9, 6) CHECK (latitude BETWEEN -90 AND 90),
  longitude              numeric(9, 6) CHECK (longitude BETWEEN -180 AND 180),
  status                 text NOT NULL DEFAULT 'unregistered'
                           CHECK (status IN ('inUse', 'stopped', 'scrapped', 'unregistered', 'dismantled', 'cancelled', 'relocated')),
  first_used_on          date,
  registered_on          date,
  -- 安全状况等级 (1–5) for vessels and cylinders, set by the last periodic inspection.
  safety_grade           smallint CHECK (safety_grade BETWEEN 1 AND 5),
  -- 下次检验日期 and the state the nightly sweep derives from it: normal, due (应报检), overdue (超期未检).
  next_inspection_due    date,
  inspection_state       text NOT NULL DEFAULT 'normal' CHECK (inspection_state IN ('normal', 'due', 'overdue')),
  created_by             bigint REFERENCES users (id),
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  version                integer NOT NULL DEFAULT 1
);
CREATE INDEX equipment_station_idx ON equipment (station_id, id);
CREATE INDEX equipment_entity_idx ON equipment (entity_id, id);
CREATE INDEX equipment_maintenance_entity_idx ON equipment (maintenance_entity_id) WHERE maintenance_entity_id IS NOT NULL;
CREATE INDEX equipment_category_idx ON equipment (category_code, id);
CREATE INDEX equipment_created_by_idx ON equipment (created_by) WHERE created_by IS NOT NULL;
-- The due and overdue lists per station (issue 14 point 14: p95 ≤ 50 ms at 1 M pieces).
CREATE INDEX equipment_due_idx ON equipment (station_id, inspection_state, next_inspection_due, id)
  WHERE inspection_state <> 'normal';
CREATE INDEX equipment_next_due_idx ON equipment (next_inspection_due, id) WHERE status IN ('inUse', 'stopped');

-- Built-in roles of an existing install learn the three safeties' permissions (new installs: builtin-roles.ts).
UPDATE roles SET permissions = permissions || ARRAY[
    'equipment:read', 'equipment:write', 'equipment:settings', 'drug:read', 'drug:write', 'drug:settings',
    'product:read', 'product:write', 'product:settings']
  WHERE builtin AND code = 'dept_staff' AND NOT ('equipment:read' = ANY (permissions));
UPDATE roles SET permissions = permissions || ARRAY[
    'equipment:read', 'equipment:write', 'drug:read', 'drug:write', 'drug:personal', 'product:read', 'product:write']
  WHERE builtin AND code = 'station_chief' AND NOT ('equipment:read' = ANY (permissions));
UPDATE roles SET permissions = permissions || ARRAY[
    'equipment:read', 'equipment:write', 'drug:read', 'drug:write', 'product:read', 'product:write']
  WHERE builtin AND code = 'inspector' AND NOT ('equipment:read' = ANY (permissions));
UPDATE roles SET permissions = permissions || ARRAY['equipment:read', 'drug:read', 'product:read']
  WHERE builtin AND code = 'leader' AND NOT ('equipment:read' = ANY (permissions));
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY[
    'equipment:read', 'equipment:write', 'equipment:settings', 'drug:read', 'drug:write', 'drug:settings',
    'drug:personal', 'product:read', 'product:write', 'product:settings']))
  WHERE builtin AND code = 'admin';
