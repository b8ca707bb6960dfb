import type { Queryable } from '../db/client.ts';

/**
 * The demo's 执法办案 data, generated in the database (generate_series, set-based): three years of closed cases at
 * the seeds' rates, a hundred open ones in every stage, their officers, violations, timelines, penalties, payments,
 * documents with their numbers (and the counters, so new numbers follow on), disclosures and leads.
 */

export interface DemoCaseParams {
  today: string;
  /** First day a closed case may close on. */
  start: string;
  seed: number;
  bureauId: number;
  bureauName: string;
  /** Document number prefix: 南海市监. */
  docPrefix: string;
  legalId: number | null;
  leaderId: number | null;
  /** Closed cases per year (seed 001: 办结365件). */
  closedPerYear: number;
  /** Open cases per open stage, at scale 1. */
  openScale: number;
}

export async function setDemoCredentials(
  tx: Queryable,
  rows: { username: string; credentialNo: string; expiresOn: string }[],
): Promise<void> {
  await tx.query(
    `UPDATE users u SET enforcement_credential_no = t.no, enforcement_credential_expires_on = t.exp::date
       FROM unnest($1::text[], $2::text[], $3::text[]) AS t (username, no, exp) WHERE u.username = t.username`,
    [rows.map((r) => r.username), rows.map((r) => r.credentialNo), rows.map((r) => r.expiresOn)],
  );
}

/** The plan: one row per case with its stage, dates and amounts; the rest is derived from it. */
async function planCases(tx: Queryable, p: DemoCaseParams): Promise<void> {
  await tx.query('SELECT setseed($1::float8)', [((p.seed % 1000) + 1) / 1001]);
  await tx.query(
    `CREATE TEMP TABLE demo_st ON COMMIT DROP AS
     SELECT row_number() OVER (ORDER BY o.sort_order, o.id)::int AS sn, o.id, o.code, o.name,
            (SELECT id FROM users WHERE username = o.code || '.chief') AS chief,
            (SELECT id FROM users WHERE username = o.code || '.inspector') AS inspector
       FROM org_units o WHERE o.kind = 'station'`,
  );
  await tx.query(
    `CREATE TEMP TABLE demo_ent ON COMMIT DROP AS
     SELECT * FROM (
       SELECT e.station_id, row_number() OVER (PARTITION BY e.station_id ORDER BY e.id)::int AS rn, e.id, e.name,
              e.uscc, e.address, e.type
         FROM entities e WHERE e.status = 'active') x
      WHERE rn <= 2000`,
  );
  await tx.query(
    `CREATE TEMP TABLE demo_entc ON COMMIT DROP AS
     SELECT s.sn, s.id AS station_id, count(e.id)::int AS n FROM demo_st s JOIN demo_ent e ON e.station_id = s.id
      GROUP BY 1, 2`,
  );
  // A station without entities (a bench's extra stations) takes its parties from the next station that has some.
  await tx.query(
    `CREATE TEMP TABLE demo_sn ON COMMIT DROP AS
     SELECT s.sn, coalesce((SELECT min(c.sn) FROM demo_entc c WHERE c.sn >= s.sn), (SELECT min(sn) FROM demo_entc)) AS entity_sn
       FROM demo_st s`,
  );
  await tx.query(
    `CREATE TEMP TABLE demo_vt ON COMMIT DROP AS
     SELECT row_number() OVER (ORDER BY sort_order, id)::int AS rn, id, area, name, legal_basis, penalty_basis
       FROM case_violation_types WHERE active`,
  );
  await tx.query(
    `CREATE TEMP TABLE demo_dept ON COMMIT DROP AS
     SELECT code, id FROM org_units WHERE code IN ('enforcement', 'food', 'quality', 'equipment')`,
  );
  // Closed cases: about one a day, each closing on a random day of the period; the dates before it follow from
  // its procedure and size. Stages (rank): draft 0, investigating 1, investigated 2, reviewed 3, discussed 4,
  // notified 5, hearing 6, heard 7, decided 8, served 9, enforcement 10, closed 11.
  await tx.query('CREATE INDEX ON demo_ent (station_id, rn)');
  await tx.query('ANALYZE demo_ent');
  await tx.query(
    `CREATE TEMP TABLE demo_raw ON COMMIT DROP AS
     WITH c AS (
       SELECT g AS n, 'closed'::text AS status, 11 AS rank,
              ($2::date + floor(random() * ($1::date - $2::date + 1))::int) AS closed_on,
              random() AS r_proc, random() AS r_major, random() AS r_kind, random() AS r_amt, random() AS r_amt2,
              random() AS r_dur, random() AS r_st, random() AS r_x, random() AS r_ent, random() AS r_vt, random() AS r_dept
         FROM generate_series(1, round(($1::date - $2::date + 1) * $3::numeric / 365)::int) g
     ), o AS (
       -- Open cases: the stage and how many, at scale 1 (a district of this size has about a hundred open).
       SELECT 100000 + row_number() OVER ()::int AS n, s.status, s.rank, NULL::date AS closed_on,
              CASE WHEN s.status = 'draft' THEN 0.5 ELSE 0.9 END AS r_proc, random() AS r_major, random() * 0.9 + 0.1 AS r_kind,
              random() AS r_amt, random() AS r_amt2, random() AS r_dur, random() AS r_st, random() AS r_x, random() AS r_ent,
              random() AS r_vt, random() AS r_dept
         FROM (VALUES ('draft', 0, 8), ('investigating', 1, 25), ('suspended', 1, 4), ('investigated', 2, 10),
                      ('reviewed', 3, 8), ('discussed', 4, 4), ('notified', 5, 10), ('hearing', 6, 3), ('heard', 7, 3),
                      ('decided', 8, 6), ('served', 9, 12), ('enforcement', 10, 4)) AS s (status, rank, k),
              generate_series(1, greatest(1, round(s.k * $4::numeric)::int))
     )
     SELECT * FROM c UNION ALL SELECT * FROM o`,
    [p.today, p.start, p.closedPerYear, p.openScale],
  );
  await tx.query(
    `CREATE TEMP TABLE demo_plan ON COMMIT DROP AS
     WITH a AS (
       SELECT r.*,
              CASE WHEN r.rank = 11 AND r.r_proc < 0.2 THEN 'summary' ELSE 'general' END AS procedure,
              1 + least(k.ns - 1, floor(power(r.r_st, 1.3) * k.ns)::int) AS sn
         FROM demo_raw r CROSS JOIN (SELECT count(*)::int AS ns FROM demo_st) k
     ), b AS (
       SELECT a.*,
              (a.procedure = 'general' AND (a.r_major < 0.265 OR a.status IN ('discussed', 'hearing', 'heard'))) AS is_major,
              CASE WHEN a.procedure = 'summary' THEN 'penalty'
                   WHEN a.r_major >= 0.265 AND a.r_kind < 0.056 THEN 'transfer'
                   WHEN a.r_major >= 0.265 AND a.r_kind < 0.116 THEN 'no_penalty' ELSE 'penalty' END AS decision_kind,
              a.r_x < 0.15 AS overdue_hint
         FROM a
     ), d AS (
       SELECT b.*,
              -- Dates: a closed case backwards from its closing day, an open one forwards to today.
              CASE WHEN b.rank = 11 AND b.procedure = 'summary' THEN b.closed_on - floor(b.r_dur * 4)::int
                   WHEN b.rank = 11 THEN b.closed_on - 5 - floor(b.r_dur * 40)::int
                   WHEN b.rank >= 8 AND b.status = 'enforcement' THEN $1::date - 100 - floor(b.r_dur * 90)::int
                   WHEN b.rank >= 8 THEN $1::date - floor(b.r_dur * (CASE WHEN b.status = 'decided' THEN 5 ELSE 40 END))::int
                   ELSE NULL END AS decided_on
         FROM b
     )
     SELECT d.*,
            CASE WHEN d.rank = 0 THEN NULL
                 WHEN d.procedure = 'summary' THEN d.decided_on
                 WHEN d.decided_on IS NOT NULL THEN d.decided_on - 30 - floor(d.r_x * 60)::int - (CASE WHEN d.is_major THEN 30 ELSE 0 END)
                 ELSE $1::date - 8 - d.rank * 7 - floor(d.r_amt2 * 30)::int - (CASE WHEN d.overdue_hint THEN 45 ELSE 0 END)
            END AS filed_on,
            CASE WHEN d.rank = 0 THEN $1::date - floor(d.r_dur * 6)::int END AS proposed_on,
            (d.is_major AND (d.r_x > 0.6 OR d.status IN ('hearing', 'heard'))) AS hearing,
            (d.is_major AND d.r_amt2 > 0.85) AS typical,
            CASE WHEN d.decision_kind <> 'penalty' THEN 0
                 WHEN d.is_major THEN 15000 * 100 + floor(power(d.r_amt, 2) * 200000 * 100)::bigint
                 WHEN d.procedure = 'summary' THEN 50 * 100 + floor(d.r_amt * 2950)::bigint * 100
                 ELSE 500 * 100 + floor(power(d.r_amt, 2) * 20000)::bigint * 100 END AS fine_fen,
            CASE WHEN d.decision_kind <> 'penalty' OR d.procedure = 'summary' THEN 0
                 WHEN d.is_major AND d.r_amt2 < 0.3 THEN 2000 * 100 + floor(d.r_amt2 / 0.3 * 30000)::bigint * 100
                 WHEN NOT d.is_major AND d.r_amt2 < 0.15 THEN 500 * 100 + floor(d.r_amt2 / 0.15 * 4500)::bigint * 100
                 ELSE 0 END AS conf_fen,
            CASE WHEN d.is_major THEN 200000 * 100 + floor(d.r_amt * 800000)::bigint * 100
                 WHEN d.procedure = 'summary' THEN 100 * 100 + floor(d.r_amt * 5000)::bigint * 100
                 ELSE 1000 * 100 + floor(power(d.r_amt, 2) * 100000)::bigint * 100 END AS case_value_fen,
            CASE WHEN d.decision_kind = 'transfer' THEN true ELSE false END AS transferred,
            CASE WHEN d.is_major THEN 'enforcement' WHEN d.r_dept < 0.55 THEN NULL WHEN d.r_dept < 0.7 THEN 'food'
                 WHEN d.r_dept < 0.8 THEN 'quality' WHEN d.r_dept < 0.85 THEN 'equipment' ELSE 'enforcement' END AS dept
       FROM d`,
    [p.today],
  );
  // Ids in filing order, so the newest case has the highest id (the list's keyset order).
  await tx.query(
    `CREATE TEMP TABLE demo_cases ON COMMIT DROP AS
     SELECT nextval(pg_get_serial_sequence('cases', 'id'))::bigint AS id, q.* FROM (
       SELECT p.*, sp.id AS station_id, e.id AS entity_id, e.name AS party_name, e.uscc AS party_uscc,
              e.address AS party_address, CASE WHEN e.type = 'individualBusiness' THEN 'person' ELSE 'organisation' END AS party_kind,
              vt.id AS vt_id, vt.area, vt.name AS vt_name, vt.penalty_basis, vt.legal_basis,
              dp.id AS department_id,
              CASE WHEN p.rank >= 9 THEN least(p.decided_on + 1 + floor(p.r_kind * 3)::int, coalesce(p.closed_on, $1::date)) END AS served_on,
              extract(year FROM coalesce(p.filed_on, p.proposed_on))::int AS fyear
         FROM demo_plan p
         JOIN demo_st sp ON sp.sn = p.sn
         JOIN demo_sn sm ON sm.sn = p.sn
         JOIN demo_entc ec ON ec.sn = sm.entity_sn
         LEFT JOIN demo_dept dp ON dp.code = p.dept
         JOIN demo_ent e ON e.station_id = ec.station_id AND e.rn = 1 + floor(p.r_ent * ec.n)::int
         CROSS JOIN (SELECT count(*)::int AS n FROM demo_vt) vtc
         LEFT JOIN demo_vt vt ON vt.rn = 1 + floor(p.r_vt * vtc.n)::int
        ORDER BY coalesce(p.filed_on, p.proposed_on), p.n) q`,
    [p.today],
  );
  // Temp tables have no statistics until analysed: without them the joins below plan as nested loops.
  await tx.query('CREATE UNIQUE INDEX ON demo_cases (id)');
  await tx.query('ANALYZE demo_cases');
  await tx.query('ANALYZE demo_st');
}

/** Loads the demo cases; returns how many were created. Needs the demo org and its entities. */
export async function insertDemoCases(tx: Queryable, p: DemoCaseParams): Promise<number> {
  await planCases(tx, p);
  // Document numbers: per kind and year in date order (立案审批表 by filing, 决定书 by decision).
  await tx.query(
    `CREATE TEMP TABLE demo_docs ON COMMIT DROP AS
     SELECT id AS case_id, kind, on_date, extract(year FROM on_date)::int AS year,
            row_number() OVER (PARTITION BY kind, extract(year FROM on_date) ORDER BY on_date, id)::int AS seq
       FROM (SELECT id, 'filingApproval' AS kind, filed_on AS on_date FROM demo_cases WHERE procedure = 'general' AND rank >= 1
             UNION ALL
             SELECT id, CASE WHEN procedure = 'summary' THEN 'summaryDecision' ELSE 'penaltyDecision' END, decided_on
               FROM demo_cases WHERE rank >= 8) d`,
  );
  await tx.query('CREATE INDEX ON demo_docs (case_id, kind)');
  await tx.query('ANALYZE demo_docs');
  const [{ n } = { n: 0 }] = await tx.query<{ n: number }>(
    `WITH ins AS (
       INSERT INTO cases (id, case_no, procedure, status, lead_id, entity_id, party_kind, party_name, party_uscc,
         party_address, station_id, department_id, title, facts, act_on, limitation_expires_on, filed_on, decision_due_on,
         decision_extensions, is_major, needs_collective, hearing_right, notified_on, statement_due_on, decision_kind,
         decision_no, decided_on, served_on, serve_method, payment_due_on, fine_due_fen, paid_fen, case_value_fen,
         goods_value_fen, confiscated_fen, transferred_to_judiciary, typical, closed_on, created_by, created_at, updated_at)
       OVERRIDING SYSTEM VALUE
       SELECT c.id,
              CASE WHEN c.rank >= 1 THEN
                CASE WHEN c.procedure = 'summary' THEN $2 || '简罚〔' || sd.year || '〕' || sd.seq || '号'
                     ELSE $2 || '立〔' || fd.year || '〕' || fd.seq || '号' END END,
              c.procedure, c.status, NULL, c.entity_id, c.party_kind, c.party_name, c.party_uscc, c.party_address,
              c.station_id, c.department_id,
              c.party_name || '涉嫌' || coalesce(c.vt_name, '违法经营') || '案',
              '经查，当事人' || c.party_name || coalesce('存在' || c.vt_name || '的行为', '涉嫌违法经营') || '，违反了' ||
                coalesce(c.legal_basis, '有关法律法规') || '的规定。',
              coalesce(c.filed_on, c.proposed_on) - 10 - floor(c.r_x * 50)::int,
              coalesce(c.filed_on, c.proposed_on) - 10 - floor(c.r_x * 50)::int + interval '2 years',
              c.filed_on,
              CASE WHEN c.procedure = 'general' THEN c.filed_on + (CASE WHEN c.is_major THEN 120 ELSE 90 END) END,
              CASE WHEN c.is_major AND c.procedure = 'general' THEN 1 ELSE 0 END,
              c.is_major, c.is_major, c.hearing OR (c.is_major AND c.r_amt > 0.3),
              CASE WHEN c.rank >= 5 AND c.procedure = 'general' THEN coalesce(c.decided_on - 12, $1::date - 3) END,
              CASE WHEN c.rank >= 5 AND c.procedure = 'general' THEN coalesce(c.decided_on - 5, $1::date + 4) END,
              CASE WHEN c.rank >= 8 THEN c.decision_kind END,
              CASE WHEN c.rank >= 8 THEN CASE WHEN c.procedure = 'summary' THEN $2 || '简罚〔' || sd.year || '〕' || sd.seq || '号'
                                             ELSE $2 || '处罚〔' || dd.year || '〕' || dd.seq || '号' END END,
              CASE WHEN c.rank >= 8 THEN c.decided_on END,
              c.served_on,
              CASE WHEN c.served_on IS NULL THEN NULL WHEN c.procedure = 'summary' THEN 'on_the_spot'
                   WHEN c.r_kind < 0.5 THEN 'direct' ELSE 'mail' END,
              CASE WHEN c.served_on IS NOT NULL AND c.fine_fen > 0 THEN c.served_on + 15 END,
              CASE WHEN c.rank >= 8 THEN c.fine_fen + c.conf_fen ELSE 0 END,
              CASE WHEN c.rank = 11 THEN c.fine_fen + c.conf_fen WHEN c.status = 'served' AND c.r_x < 0.5 THEN c.fine_fen ELSE 0 END,
              c.case_value_fen,
              CASE WHEN c.area IN ('food', 'drug', 'product_quality', 'trademark', 'special_equipment', 'advertising') OR c.area IS NULL
                   THEN (c.case_value_fen * (0.4 + c.r_amt2 * 0.5))::bigint ELSE 0 END,
              CASE WHEN c.rank >= 8 THEN c.conf_fen ELSE 0 END,
              c.transferred AND c.rank >= 8, c.typical AND c.rank >= 8, c.closed_on,
              st.inspector, coalesce(c.filed_on, c.proposed_on)::timestamp AT TIME ZONE 'Asia/Shanghai',
              coalesce(c.closed_on, c.served_on, c.decided_on, c.filed_on, c.proposed_on)::timestamp AT TIME ZONE 'Asia/Shanghai'
         FROM demo_cases c JOIN demo_st st ON st.id = c.station_id
         LEFT JOIN demo_docs fd ON fd.case_id = c.id AND fd.kind = 'filingApproval'
         LEFT JOIN demo_docs dd ON dd.case_id = c.id AND dd.kind = 'penaltyDecision'
         LEFT JOIN demo_docs sd ON sd.case_id = c.id AND sd.kind = 'summaryDecision'
       RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [p.today, p.docPrefix],
  );
  await tx.query(
    `INSERT INTO case_officers (case_id, user_id, lead_officer, credential_no, assigned_at)
     SELECT c.id, u.id, u.id = st.inspector, coalesce(u.enforcement_credential_no, 'DEMO' || u.id),
            coalesce(c.filed_on, c.proposed_on)::timestamp AT TIME ZONE 'Asia/Shanghai'
       FROM demo_cases c JOIN demo_st st ON st.id = c.station_id JOIN users u ON u.id IN (st.chief, st.inspector)`,
  );
  await tx.query(
    `INSERT INTO case_violations (case_id, violation_type_id) SELECT id, vt_id FROM demo_cases WHERE vt_id IS NOT NULL`,
  );
  // The timeline, step by step up to the case's stage.
  await tx.query(
    `INSERT INTO case_steps (case_id, action, from_status, to_status, actor_id, at, note)
     SELECT c.id, s.action, s.from_status, s.to_status,
            CASE s.who WHEN 'chief' THEN st.chief WHEN 'legal' THEN coalesce($1::bigint, st.chief)
                       WHEN 'leader' THEN coalesce($2::bigint, st.chief) ELSE st.inspector END,
            (s.on_date::timestamp + interval '9 hours' + s.seq * interval '10 minutes') AT TIME ZONE 'Asia/Shanghai', s.note
       FROM demo_cases c JOIN demo_st st ON st.id = c.station_id
       CROSS JOIN LATERAL (
         SELECT x.*, f.span FROM (SELECT greatest(1, coalesce(c.decided_on, $3::date) - c.filed_on) AS span) f,
         LATERAL (VALUES
           (0, 0, 'propose', NULL, 'draft', 'inspector', coalesce(c.filed_on - 2, c.proposed_on), NULL::text, c.procedure = 'general'),
           (1, 1, 'file', 'draft', 'investigating', 'chief', c.filed_on, '立案审批通过', c.procedure = 'general'),
           (1, 2, 'suspend', 'investigating', 'suspended', 'chief', c.filed_on + f.span / 2, '待检验检测结果', c.status = 'suspended'),
           (2, 3, 'finishInvestigation', 'investigating', 'investigated', 'inspector', c.filed_on + f.span * 5 / 10, '调查终结', c.procedure = 'general'),
           (3, 4, 'legalReview', 'investigated', 'reviewed', 'legal', c.filed_on + f.span * 6 / 10, '法制审核通过', c.procedure = 'general'),
           (4, 5, 'discuss', 'reviewed', 'discussed', 'leader', c.filed_on + f.span * 65 / 100, '集体讨论通过', c.procedure = 'general' AND c.is_major),
           (5, 6, 'notify', CASE WHEN c.is_major THEN 'discussed' ELSE 'reviewed' END, 'notified', 'inspector', c.filed_on + f.span * 7 / 10, '送达行政处罚告知书', c.procedure = 'general' AND c.decision_kind = 'penalty'),
           (6, 7, 'scheduleHearing', 'notified', 'hearing', 'inspector', c.filed_on + f.span * 8 / 10, '当事人申请听证', c.procedure = 'general' AND c.hearing),
           (7, 8, 'finishHearing', 'hearing', 'heard', 'chief', c.filed_on + f.span * 9 / 10, '听证结束', c.procedure = 'general' AND c.hearing),
           (8, 9, 'decide', CASE WHEN c.hearing THEN 'heard' WHEN c.decision_kind <> 'penalty' THEN CASE WHEN c.is_major THEN 'discussed' ELSE 'reviewed' END ELSE 'notified' END,
              'decided', 'chief', c.decided_on, CASE c.decision_kind WHEN 'penalty' THEN '作出行政处罚决定' WHEN 'transfer' THEN '移送司法机关' ELSE '不予行政处罚' END, c.procedure = 'general'),
           (9, 10, 'serve', 'decided', 'served', 'inspector', c.served_on, '直接送达', c.procedure = 'general'),
           (9, 10, 'summaryDecide', NULL, 'served', 'inspector', c.decided_on, '当场作出行政处罚决定', c.procedure = 'summary'),
           (10, 11, 'applyEnforcement', 'served', 'enforcement', 'chief', c.served_on + 75, '逾期未缴纳罚款，申请人民法院强制执行', c.status = 'enforcement'),
           (11, 12, 'close', 'served', 'closed', 'chief', c.closed_on, '结案', true)
         ) AS x (rank, seq, action, from_status, to_status, who, on_date, note, applies)
       ) s
      WHERE s.applies AND s.rank <= c.rank AND s.on_date IS NOT NULL`,
    [p.legalId, p.leaderId, p.today],
  );
  await tx.query(
    `INSERT INTO case_penalties (case_id, kind, amount_fen, discretion, discretion_basis)
     SELECT id, 'fine', fine_fen, CASE WHEN r_amt < 0.2 THEN 'lighter' ELSE 'standard' END,
            CASE WHEN r_amt < 0.2 THEN '《广东省市场监督管理局行政处罚自由裁量权实施办法》从轻情形' END
       FROM demo_cases WHERE rank >= 5 AND decision_kind = 'penalty' AND fine_fen > 0
     UNION ALL
     SELECT id, 'confiscate_gains', conf_fen, 'standard', NULL FROM demo_cases
      WHERE rank >= 5 AND decision_kind = 'penalty' AND conf_fen > 0
     UNION ALL
     SELECT id, 'warning', 0, 'lighter', NULL FROM demo_cases
      WHERE rank >= 5 AND decision_kind = 'penalty' AND procedure = 'summary' AND r_amt < 0.15`,
  );
  await tx.query(
    `INSERT INTO case_payments (case_id, kind, amount_fen, paid_on, receipt_no, recorded_by)
     SELECT c.id, x.kind, x.amount, least(coalesce(c.closed_on, $1::date), c.served_on + 1 + floor(c.r_dur * 12)::int),
            'PJ' || c.id || x.kind, st.inspector
       FROM demo_cases c JOIN demo_st st ON st.id = c.station_id,
            LATERAL (VALUES ('fine', c.fine_fen), ('confiscation', c.conf_fen)) AS x (kind, amount)
      WHERE x.amount > 0 AND c.served_on IS NOT NULL AND (c.rank = 11 OR (c.status = 'served' AND c.r_x < 0.5 AND x.kind = 'fine'))`,
    [p.today],
  );
  // Each document stores what it was filled with, as the documents service does (repos/document-data.ts): the case
  // as it stood, its number, the authority and the day.
  await tx.query(
    `WITH off AS (
       SELECT o.case_id, jsonb_agg(jsonb_build_object('name', u.display_name, 'credentialNo', o.credential_no)
                                   ORDER BY o.lead_officer DESC, o.user_id) AS list
         FROM case_officers o JOIN users u ON u.id = o.user_id JOIN demo_cases dc ON dc.id = o.case_id GROUP BY 1
     ), vio AS (
       SELECT v.case_id, jsonb_agg(jsonb_build_object('name', t.name, 'legalBasis', t.legal_basis,
                                                      'penaltyBasis', t.penalty_basis)) AS list
         FROM case_violations v JOIN case_violation_types t ON t.id = v.violation_type_id
         JOIN demo_cases dc ON dc.id = v.case_id GROUP BY 1
     ), pen AS (
       SELECT p.case_id, jsonb_agg(jsonb_build_object('kind', p.kind, 'amountFen', p.amount_fen, 'discretion',
                                   p.discretion, 'discretionBasis', p.discretion_basis) ORDER BY p.id) AS list
         FROM case_penalties p JOIN demo_cases dc ON dc.id = p.case_id GROUP BY 1
     )
     INSERT INTO case_documents (case_id, kind, unit_id, year, seq, doc_no, data, created_by, created_at)
     SELECT d.case_id, d.kind, $1, d.year, d.seq, n.doc_no,
            jsonb_build_object(
              'caseNo', CASE WHEN d.kind = 'filingApproval' THEN n.doc_no ELSE c.case_no END,
              'title', c.title, 'procedure', c.procedure,
              'party', jsonb_build_object('kind', c.party_kind, 'name', c.party_name, 'uscc', c.party_uscc,
                                          'address', c.party_address),
              'facts', c.facts, 'actOn', c.act_on, 'filedOn', c.filed_on, 'station', st.name,
              'officers', COALESCE(off.list, '[]'),
              'violations', COALESCE(vio.list, '[]'),
              'penalties', CASE WHEN d.kind = 'filingApproval' THEN '[]'::jsonb ELSE COALESCE(pen.list, '[]') END,
              'hearingRight', c.hearing_right, 'decisionNo', CASE WHEN d.kind = 'filingApproval' THEN NULL ELSE n.doc_no END,
              'decidedOn', c.decided_on, 'paymentDueOn', c.payment_due_on, 'fineDueFen', c.fine_due_fen, 'paidFen', 0,
              'caseValueFen', c.case_value_fen, 'goodsValueFen', c.goods_value_fen,
              'authority', $3::text, 'issuedOn', d.on_date),
            st.chief, d.on_date::timestamp AT TIME ZONE 'Asia/Shanghai'
       FROM demo_docs d JOIN cases c ON c.id = d.case_id JOIN demo_st st ON st.id = c.station_id
       LEFT JOIN off ON off.case_id = c.id LEFT JOIN vio ON vio.case_id = c.id LEFT JOIN pen ON pen.case_id = c.id,
            LATERAL (SELECT $2 || CASE d.kind WHEN 'filingApproval' THEN '立' WHEN 'summaryDecision' THEN '简罚' ELSE '处罚' END ||
                            '〔' || d.year || '〕' || d.seq || '号' AS doc_no) n`,
    [p.bureauId, p.docPrefix, p.bureauName],
  );
  // The counters the documents service numbers from (the 立案审批表 on the 立案号's counter 'case'), so new numbers
  // follow the demo's.
  await tx.query(
    `INSERT INTO case_document_counters (unit_id, kind, year, last_seq)
     SELECT $1, CASE kind WHEN 'filingApproval' THEN 'case' ELSE kind END, year, max(seq) FROM demo_docs GROUP BY 2, 3
     ON CONFLICT (unit_id, kind, year) DO UPDATE SET last_seq = greatest(case_document_counters.last_seq, EXCLUDED.last_seq)`,
    [p.bureauId],
  );
  // Summary decisions filed (备案) within the days set; enforcement applications with their court.
  await tx.query(
    `UPDATE cases c SET summary_filing_due_on = CASE WHEN d.procedure = 'summary' THEN d.decided_on + 7 END,
                        summary_filed_on = CASE WHEN d.procedure = 'summary' THEN least(d.decided_on + 2, $1::date) END,
                        enforcement_applied_on = CASE WHEN d.status = 'enforcement' THEN d.served_on + 75 END,
                        enforcement_court = CASE WHEN d.status = 'enforcement' THEN '佛山市南海区人民法院' END
       FROM demo_cases d WHERE d.id = c.id AND (d.procedure = 'summary' OR d.status = 'enforcement')`,
    [p.today],
  );
  // 行政处罚信息公示: general-procedure penalty decisions; 3 years, 3 months for a low fine; pending for 20 working days.
  await tx.query(
    `INSERT INTO case_disclosures (case_id, station_id, status, due_on, published_on, display_until, earliest_removal_on,
       removable, decision_no, party_name, party_uscc, violation, basis, content, authority, decided_on, search_text)
     SELECT c.id, c.station_id,
            CASE WHEN c.decided_on > $1::date - 10 THEN 'pending'
                 WHEN (c.decided_on + 8 + CASE WHEN c.fine_fen + c.conf_fen <= 1000000 THEN 92 ELSE 1095 END) < $1::date THEN 'expired'
                 ELSE 'published' END,
            c.decided_on + 28,
            CASE WHEN c.decided_on <= $1::date - 10 THEN c.decided_on + 8 END,
            CASE WHEN c.decided_on <= $1::date - 10 THEN c.decided_on + 8 + CASE WHEN c.fine_fen + c.conf_fen <= 1000000 THEN 92 ELSE 1095 END END,
            c.decided_on + CASE WHEN c.area IN ('food', 'drug', 'special_equipment') THEN 365 ELSE 183 END,
            true,
            $2 || '处罚〔' || extract(year FROM c.decided_on) || '〕' || d.seq || '号',
            CASE WHEN c.party_kind = 'person' THEN left(c.party_name, 1) || '**' ELSE c.party_name END, c.party_uscc,
            coalesce(c.vt_name, '违法经营'), coalesce(c.penalty_basis, '有关法律法规'),
            '罚款人民币' || (c.fine_fen / 100) || '元' || CASE WHEN c.conf_fen > 0 THEN '，没收违法所得人民币' || (c.conf_fen / 100) || '元' ELSE '' END,
            $3, c.decided_on, c.party_name || ' ' || coalesce(c.party_uscc, '')
       FROM demo_cases c JOIN demo_docs d ON d.case_id = c.id AND d.kind = 'penaltyDecision'
      WHERE c.rank >= 8 AND c.decision_kind = 'penalty' AND c.procedure = 'general'`,
    [p.today, p.docPrefix, p.bureauName],
  );
  return n;
}

/**
 * Leads: most general cases came from one (12315 report, inspection, spot check, transfer, staff); beside them
 * leads still being verified (some near or past their 15 working days), leads not filed (with the ground) and
 * leads merged into a case.
 */
export async function insertDemoLeads(tx: Queryable, today: string): Promise<number> {
  const filed = await tx.query(
    `WITH l AS (
       INSERT INTO case_leads (source_type, source_ref, entity_id, station_id, summary, status, created_by, created_at,
         received_on, verify_due_on, assigned_to, decided_on, decided_by, case_id, updated_at)
       SELECT (ARRAY['report', 'inspection', 'inspection', 'transfer', 'superior', 'staff'])[1 + (c.id % 6)::int],
              'DEMO-L-' || c.id, c.entity_id, c.station_id, '反映' || c.party_name || coalesce(c.vt_name, '违法经营'), 'filed', st.inspector,
              (c.filed_on - 12)::timestamp AT TIME ZONE 'Asia/Shanghai', c.filed_on - 12, c.filed_on + 9, st.inspector,
              c.filed_on, st.chief, c.id, c.filed_on::timestamp AT TIME ZONE 'Asia/Shanghai'
         FROM demo_cases c JOIN demo_st st ON st.id = c.station_id
        WHERE c.procedure = 'general' AND c.filed_on IS NOT NULL AND c.r_kind > 0.3
       RETURNING id, case_id)
     UPDATE cases SET lead_id = l.id FROM l WHERE cases.id = l.case_id RETURNING 1`,
  );
  const others = await tx.query(
    `INSERT INTO case_leads (source_type, source_ref, entity_id, station_id, summary, status, created_by, created_at,
       received_on, verify_due_on, assigned_to, outcome_ground, outcome_note, decided_on, decided_by, case_id, updated_at)
     SELECT x.source, 'DEMO-L-' || x.kind || '-' || g, e.id, st.id,
            '反映' || e.name || (ARRAY['销售过期食品', '未明码标价', '发布虚假广告', '销售侵犯注册商标专用权商品', '无证经营',
              '电梯未经定期检验继续使用'])[1 + g % 6],
            x.kind, st.inspector, x.received::timestamp AT TIME ZONE 'Asia/Shanghai', x.received, x.received + 21,
            st.inspector,
            CASE x.kind WHEN 'not_filed' THEN (ARRAY['minor_corrected', 'first_offence', 'no_fault', 'no_jurisdiction', 'no_violation'])[1 + g % 5] END,
            CASE x.kind WHEN 'not_filed' THEN '经核查，违法行为轻微并及时改正，没有造成危害后果，不予立案'
                        WHEN 'merged' THEN '与在办案件系同一违法行为，并案处理' END,
            CASE WHEN x.kind <> 'verifying' THEN x.received + 10 END,
            CASE WHEN x.kind <> 'verifying' THEN st.chief END,
            CASE WHEN x.kind = 'merged' THEN (SELECT c.id FROM demo_cases c WHERE c.station_id = st.id AND c.rank BETWEEN 1 AND 7 ORDER BY c.id LIMIT 1) END,
            now()
       FROM (SELECT g, CASE WHEN g <= 14 THEN 'verifying' WHEN g <= 120 THEN 'not_filed' ELSE 'merged' END AS kind,
                    (ARRAY['report', 'inspection', 'sampling', 'staff'])[1 + g % 4] AS source,
                    CASE WHEN g <= 14 THEN $1::date - (g * 2) ELSE $1::date - (g * 9) END AS received
               FROM generate_series(1, 132) g) x
       JOIN demo_st st ON st.sn = 1 + (x.g % (SELECT count(*) FROM demo_st))
       JOIN demo_ent e ON e.station_id = st.id AND e.rn = 1 + (x.g * 37) % 500
     RETURNING 1`,
    [today],
  );
  return filed.length + others.length;
}
