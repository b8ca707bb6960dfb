-- 市场监管所“两化”建设等级评定 (seed 004): a versioned checklist of the 六有 standards, one rating per station and
-- year scored item by item with evidence files, submitted by the station, reviewed by the district, rated in stars.

-- Each edit of the checklist is a new version; a rating keeps the version it was scored on.
CREATE TABLE station_rating_checklists (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  version     integer NOT NULL UNIQUE CHECK (version > 0),
  title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
  -- [{code, name, items: [{code, name, maxPoints, guidance}]}]
  standards   jsonb NOT NULL,
  -- [{stars, minScore}]: the lowest total that earns each star level
  bands       jsonb NOT NULL,
  created_by  bigint REFERENCES users (id),
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE station_ratings (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  station_id      bigint NOT NULL REFERENCES org_units (id),
  year            integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  checklist_id    bigint NOT NULL REFERENCES station_rating_checklists (id),
  status          text NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'approved')),
  total_score     integer NOT NULL DEFAULT 0,
  -- set when the district approves: 0 (below the lowest band) to 5
  stars           integer CHECK (stars BETWEEN 0 AND 5),
  created_by      bigint REFERENCES users (id),
  submitted_by    bigint REFERENCES users (id),
  submitted_at    timestamptz,
  reviewed_by     bigint REFERENCES users (id),
  reviewed_at     timestamptz,
  review_opinion  text,
  version         integer NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (station_id, year)
);
CREATE INDEX station_ratings_year_idx ON station_ratings (year);

CREATE TABLE station_rating_scores (
  rating_id   bigint NOT NULL REFERENCES station_ratings (id) ON DELETE CASCADE,
  item_code   text NOT NULL,
  score       integer NOT NULL CHECK (score >= 0),
  note        text NOT NULL DEFAULT '',
  PRIMARY KEY (rating_id, item_code)
);

-- Evidence belongs to one rating and one checklist item; served only through its rating.
CREATE TABLE station_rating_files (
  file_id      bigint PRIMARY KEY REFERENCES stored_files (id) ON DELETE CASCADE,
  rating_id    bigint NOT NULL REFERENCES station_ratings (id) ON DELETE CASCADE,
  item_code    text NOT NULL,
  uploaded_by  bigint REFERENCES users (id),
  uploaded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX station_rating_files_rating_idx ON station_rating_files (rating_id);

-- The default checklist: the 六有 standards of the issue, items after 佛山's 2023 实施方案 (组织架构、权责清单、业务规范、
-- 管理制度、监管队伍、办公场所) and 荷城所's example (功能区域、执法装备、标志标识、指导手册、绩效管理). 100 points.
INSERT INTO station_rating_checklists (version, title, standards, bands) VALUES (1, '市场监管所标准化规范化建设评定标准', '[
  {"code": "site", "name": "有场所", "items": [
    {"code": "site.office", "name": "办公场所面积达标、功能分区合理", "maxPoints": 8, "guidance": "办公、执法、服务等功能区域齐全"},
    {"code": "site.signage", "name": "外观形象和标志标识统一规范", "maxPoints": 4, "guidance": "按统一样式设置所牌、标识"},
    {"code": "site.service", "name": "设置群众接待和办事服务区域", "maxPoints": 4, "guidance": ""},
    {"code": "site.enforcement", "name": "设置询问室、档案室等执法功能区", "maxPoints": 4, "guidance": ""}
  ]},
  {"code": "staff", "name": "有人员", "items": [
    {"code": "staff.structure", "name": "组织架构科学合理、岗位职责明确", "maxPoints": 6, "guidance": ""},
    {"code": "staff.strength", "name": "人员配备与监管任务相适应", "maxPoints": 6, "guidance": ""},
    {"code": "staff.certified", "name": "执法人员持证上岗", "maxPoints": 4, "guidance": "行政执法证在有效期内"},
    {"code": "staff.training", "name": "年度业务培训达标", "maxPoints": 4, "guidance": ""}
  ]},
  {"code": "equipment", "name": "有装备", "items": [
    {"code": "equipment.enforcement", "name": "执法记录仪、快检设备等执法装备配齐", "maxPoints": 8, "guidance": ""},
    {"code": "equipment.vehicles", "name": "执法车辆满足工作需要", "maxPoints": 4, "guidance": ""},
    {"code": "equipment.it", "name": "信息化设备齐全、接入智慧监管平台", "maxPoints": 3, "guidance": ""}
  ]},
  {"code": "rules", "name": "有制度", "items": [
    {"code": "rules.powers", "name": "权责清单清晰完善并公开", "maxPoints": 5, "guidance": ""},
    {"code": "rules.management", "name": "内部管理制度健全", "maxPoints": 5, "guidance": "考勤、财务、车辆、档案等制度"},
    {"code": "rules.integrity", "name": "廉政、保密和安全制度落实", "maxPoints": 5, "guidance": ""}
  ]},
  {"code": "process", "name": "有流程", "items": [
    {"code": "process.manual", "name": "业务规范和职能领域指导手册", "maxPoints": 6, "guidance": ""},
    {"code": "process.records", "name": "执法全过程记录", "maxPoints": 5, "guidance": ""},
    {"code": "process.complaints", "name": "投诉举报处置流程规范", "maxPoints": 4, "guidance": ""}
  ]},
  {"code": "assessment", "name": "有考核", "items": [
    {"code": "assessment.method", "name": "绩效考核办法健全", "maxPoints": 5, "guidance": ""},
    {"code": "assessment.use", "name": "考核结果运用", "maxPoints": 5, "guidance": ""},
    {"code": "assessment.satisfaction", "name": "群众和企业满意度评价", "maxPoints": 5, "guidance": ""}
  ]}
]'::jsonb, '[
  {"stars": 1, "minScore": 60}, {"stars": 2, "minScore": 70}, {"stars": 3, "minScore": 80},
  {"stars": 4, "minScore": 88}, {"stars": 5, "minScore": 95}
]'::jsonb);

-- Built-in roles of an existing install learn the rating permissions (new installs get them from builtin-roles.ts).
UPDATE roles SET permissions = permissions || ARRAY['rating:read', 'rating:write', 'rating:review', 'rating:settings']
  WHERE builtin AND code = 'admin';
UPDATE roles SET permissions = permissions || ARRAY['rating:read', 'rating:review'] WHERE builtin AND code = 'leader';
UPDATE roles SET permissions = permissions || ARRAY['rating:read', 'rating:write'] WHERE builtin AND code = 'station_chief';
