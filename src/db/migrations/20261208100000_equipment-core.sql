-- 特种设备 core (issue 14, points 1, 2, 5): status events, inspection intervals as data, periodic inspections,
-- maintenance records and the module's settings. Inspections and maintenance carry no unit of their own: they are
-- exactly as readable as their equipment (equipment kind, eq.station_id).
ALTER TABLE equipment
  -- 充装介质类别 of a gas cylinder: corrosive (腐蚀性), general (一般), inert (惰性); picks the cylinder interval.
  ADD COLUMN gas_class text CHECK (gas_class IN ('corrosive', 'general', 'inert')),
  -- 最近一次维保 (lifts every 15 days, a setting); the sweep and the inbox flag a lift in use without one in the period.
  ADD COLUMN last_maintained_on date,
  -- Set when a periodic inspection or 维保 record is entered for equipment still 未登记 (found on an inspection).
  ADD COLUMN unregistered_found_on date;

CREATE INDEX equipment_unregistered_idx ON equipment (first_used_on, id) WHERE status = 'unregistered';
CREATE INDEX equipment_lift_maintenance_idx ON equipment (last_maintained_on, id)
  WHERE status = 'inUse' AND category_code LIKE '3%';
CREATE INDEX equipment_region_idx ON equipment (region_code, id);
-- The district-wide due and overdue lists (no station predicate).
CREATE INDEX equipment_state_due_idx ON equipment (inspection_state, next_inspection_due, id)
  WHERE inspection_state <> 'normal';

CREATE TABLE equipment_status_events (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  equipment_id   bigint NOT NULL REFERENCES equipment (id) ON DELETE CASCADE,
  action         text NOT NULL,
  from_status    text NOT NULL,
  to_status      text NOT NULL,
  reason         text,
  created_by     bigint REFERENCES users (id),
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX equipment_status_events_equipment_idx ON equipment_status_events (equipment_id, id);
CREATE INDEX equipment_status_events_created_by_idx ON equipment_status_events (created_by) WHERE created_by IS NOT NULL;

-- 定期检验周期 as data: one row per category (a sub-type row wins over its top-level one), kind of inspection and
-- optional condition (safety grade, gas class). `verify` marks values to be checked against the current TSG text.
CREATE TABLE equipment_inspection_intervals (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  category_code    text COLLATE "C" NOT NULL REFERENCES equipment_categories (code),
  inspection_kind  text NOT NULL CHECK (inspection_kind IN ('periodic', 'external', 'internal')),
  condition_kind   text NOT NULL DEFAULT 'none' CHECK (condition_kind IN ('none', 'safetyGrade', 'gasClass')),
  -- safetyGrade: '1'…'5'; gasClass: corrosive/general/inert; '' for none.
  condition_value  text NOT NULL DEFAULT '',
  interval_months  integer NOT NULL CHECK (interval_months BETWEEN 1 AND 240),
  source           text NOT NULL,
  verify           boolean NOT NULL DEFAULT true,
  updated_by       bigint REFERENCES users (id),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 1,
  UNIQUE (category_code, inspection_kind, condition_kind, condition_value)
);
CREATE INDEX equipment_inspection_intervals_updated_by_idx ON equipment_inspection_intervals (updated_by)
  WHERE updated_by IS NOT NULL;

INSERT INTO equipment_inspection_intervals (category_code, inspection_kind, condition_kind, condition_value, interval_months, source, verify) VALUES
  ('3000', 'periodic', 'none', '', 12, 'TSG T7001《电梯监督检验和定期检验规则》：定期检验周期为 1 年（2023 版起部分地区试行检验与检测交替，以当地规定为准）', true),
  ('4000', 'periodic', 'none', '', 24, 'TSG Q7015《起重机械定期检验规则》：定期检验周期一般为 2 年', true),
  ('4300', 'periodic', 'none', '', 12, 'TSG Q7015：塔式起重机每年 1 次', true),
  ('4400', 'periodic', 'none', '', 12, 'TSG Q7015：流动式起重机每年 1 次', true),
  ('4800', 'periodic', 'none', '', 12, 'TSG Q7015：升降机每年 1 次', true),
  ('1000', 'external', 'none', '', 12, 'TSG 11《锅炉安全技术规程》：外部检验每年 1 次', true),
  ('1000', 'internal', 'none', '', 24, 'TSG 11：内部检验一般每 2 年 1 次', true),
  ('2000', 'periodic', 'none', '', 36, 'TSG 21《固定式压力容器安全技术监察规程》：首次定期检验一般于投用后 3 年内', true),
  ('2100', 'periodic', 'safetyGrade', '1', 72, 'TSG 21：安全状况等级 1、2 级，一般每 3～6 年（取上限）', true),
  ('2100', 'periodic', 'safetyGrade', '2', 72, 'TSG 21：安全状况等级 1、2 级，一般每 3～6 年（取上限）', true),
  ('2100', 'periodic', 'safetyGrade', '3', 36, 'TSG 21：安全状况等级 3 级，一般每 3～5 年（取下限）', true),
  ('2100', 'periodic', 'safetyGrade', '4', 12, 'TSG 21：安全状况等级 4 级，监控使用，累计不超过 3 年（按年监控）', true),
  ('2200', 'periodic', 'none', '', 24, 'TSG R0005《移动式压力容器安全技术监察规程》：按安全状况等级 2～5 年（取保守值）', true),
  ('2300', 'periodic', 'gasClass', 'corrosive', 24, 'GB/T 13004 等气瓶定期检验标准：盛装腐蚀性气体 每 2 年', true),
  ('2300', 'periodic', 'gasClass', 'general', 36, '气瓶定期检验标准：盛装一般气体 每 3 年', true),
  ('2300', 'periodic', 'gasClass', 'inert', 60, '气瓶定期检验标准：盛装惰性气体 每 5 年', true),
  ('2300', 'periodic', 'none', '', 36, '气瓶：未填介质类别时按一般气体 3 年', true),
  ('5000', 'periodic', 'none', '', 12, 'TSG N0001《场（厂）内专用机动车辆安全技术监察规程》：每年 1 次', true),
  ('6000', 'periodic', 'none', '', 12, 'TSG 71《大型游乐设施安全技术规程》：每年 1 次', true),
  ('8000', 'periodic', 'none', '', 36, 'TSG D7005《压力管道定期检验规则—工业管道》：一般 3 年（按安全状况等级 3～6 年）', true),
  ('9000', 'periodic', 'none', '', 12, 'TSG S7001《客运索道监督检验和定期检验规则》：每年 1 次', true);

-- 定期检验 results (entered or imported from the inspection institute).
CREATE TABLE equipment_inspections (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  equipment_id     bigint NOT NULL REFERENCES equipment (id) ON DELETE CASCADE,
  inspection_kind  text NOT NULL DEFAULT 'periodic' CHECK (inspection_kind IN ('periodic', 'external', 'internal')),
  inspected_on     date NOT NULL,
  -- 合格 / 基本符合要求（有条件合格）/ 不合格
  conclusion       text NOT NULL CHECK (conclusion IN ('pass', 'conditional', 'fail')),
  safety_grade     smallint CHECK (safety_grade BETWEEN 1 AND 5),
  next_due         date,
  report_no        text COLLATE "C" NOT NULL,
  institute_name   text,
  created_by       bigint REFERENCES users (id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (equipment_id, report_no)
);
CREATE INDEX equipment_inspections_equipment_idx ON equipment_inspections (equipment_id, inspected_on DESC, id DESC);
CREATE INDEX equipment_inspections_created_by_idx ON equipment_inspections (created_by) WHERE created_by IS NOT NULL;

-- 维保记录 (lifts every 15 days; entered or imported from the maintenance unit).
CREATE TABLE equipment_maintenance (
  id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  equipment_id           bigint NOT NULL REFERENCES equipment (id) ON DELETE CASCADE,
  maintained_on          date NOT NULL,
  maintenance_unit_name  text,
  maintainer_name        text,
  note                   text,
  created_by             bigint REFERENCES users (id),
  created_at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX equipment_maintenance_equipment_idx ON equipment_maintenance (equipment_id, maintained_on DESC, id DESC);
CREATE INDEX equipment_maintenance_created_by_idx ON equipment_maintenance (created_by) WHERE created_by IS NOT NULL;

-- The module's settings (one row), editable with equipment:settings.
CREATE TABLE equipment_settings (
  id                         smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  -- 维保周期 of lifts in days (TSG T5002: at least every 15 days; verify).
  maintenance_period_days    integer NOT NULL DEFAULT 15 CHECK (maintenance_period_days BETWEEN 1 AND 366),
  -- 使用登记 within this many days of first use (TSG 08: 30).
  registration_days          integer NOT NULL DEFAULT 30 CHECK (registration_days BETWEEN 1 AND 366),
  -- 应报检 starts this many months before the due date (TSG: apply 1 month before).
  due_notice_months          integer NOT NULL DEFAULT 1 CHECK (due_notice_months BETWEEN 1 AND 12),
  updated_by                 bigint REFERENCES users (id),
  updated_at                 timestamptz NOT NULL DEFAULT now(),
  version                    integer NOT NULL DEFAULT 1
);
CREATE INDEX equipment_settings_updated_by_idx ON equipment_settings (updated_by) WHERE updated_by IS NOT NULL;
INSERT INTO equipment_settings (id) VALUES (1);
