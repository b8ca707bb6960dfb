import type { Db } from '../db/client.ts';

/**
 * Demo 产品质量监督抽查 and 3C, set-based: this year's plans per station from the graded supervision (the grade's
 * interval, as the generator does), 210 samples this year across categories and stations with 193 合格 (92 %, seed
 * 001) and last year's 196 with 178 合格; the 不合格 ones notified, some retested, some ordered to rectify with a case
 * lead; 30 3C certificates and 8 免办 approvals whose after-checks fall around today (the inbox shows them).
 */
export async function loadDemoProductQuality(
  db: Db,
  today: string,
): Promise<{ plans: number; samples: number; passed: number; certificates: number; exemptions: number }> {
  return db.transaction(async (tx) => {
    const year = Number(today.slice(0, 4));
    const [plans] = await tx.query<{ n: number }>(
      `WITH ins AS (
         INSERT INTO product_sampling_plans (station_id, category_code, name, period_start, period_end, target_batches)
         SELECT s.id, c.code, $1::text || '年' || c.name || '监督抽查（' || c.risk_grade || ' 级，第' || (r + 1) || '轮）',
                make_date($1::int, 1 + r * least(g.interval_months, 12), 1),
                (make_date($1::int, 1 + r * least(g.interval_months, 12), 1) + make_interval(months => least(g.interval_months, 12)) - interval '1 day')::date,
                3
           FROM org_units s CROSS JOIN product_categories c JOIN product_risk_grades g ON g.grade = c.risk_grade
          CROSS JOIN LATERAL generate_series(0, 12 / least(g.interval_months, 12) - 1) r
          WHERE s.kind = 'station' AND c.active AND (g.interval_months < 24 OR $1::int % 2 = 0)
         ON CONFLICT DO NOTHING RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [year],
    );
    // Samples: g = 1..210 this year (17 不合格), 211..406 last year (18 不合格); entities round-robin by station.
    await tx.query(
      `CREATE TEMP TABLE demo_ps ON COMMIT DROP AS
       WITH ents AS (
         SELECT e.id, e.station_id, row_number() OVER (ORDER BY (e.id * 2654435761) % 1000003) AS rn
           FROM entities e WHERE e.status = 'active' AND e.type = 'enterprise' LIMIT 400),
       n AS (SELECT count(*) AS c FROM ents),
       cats AS (SELECT code, name, row_number() OVER (ORDER BY sort, code) - 1 AS i FROM product_categories WHERE active)
       SELECT g, e.id AS entity_id, e.station_id, c.code AS category_code, c.name AS category_name,
              CASE WHEN g <= 210 THEN make_date($1::int, 1, 1) + ((g - 1) * ($2::date - make_date($1::int, 1, 1) - 45) / 210)
                   ELSE make_date($1::int - 1, 1, 1) + ((g - 211) * 360 / 196) END AS sampled_on,
              CASE WHEN g <= 210 THEN g % 12 = 5 AND g <= 208 ELSE (g - 210) % 11 = 4 AND g <= 406 END AS failed
         FROM generate_series(1, 406) g CROSS JOIN n
         JOIN ents e ON e.rn = 1 + (g % n.c)
         JOIN cats c ON c.i = (g * 7) % (SELECT count(*) FROM cats)`,
      [year, today],
    );
    await tx.query(
      `INSERT INTO product_samples (plan_id, entity_id, party_role, station_id, category_code, product_name, model, batch_no,
         sampled_on, lab_name, status, tested_on, report_no, conclusion, notice_no, received_on, objection_due_on,
         retest_requested_on, retest_conclusion, rectify_due_on, case_lead_ref)
       SELECT (SELECT p.id FROM product_sampling_plans p WHERE p.station_id = d.station_id AND p.category_code = d.category_code
                 AND d.sampled_on BETWEEN p.period_start AND p.period_end LIMIT 1),
              d.entity_id, CASE WHEN d.g % 3 = 0 THEN 'seller' ELSE 'producer' END, d.station_id, d.category_code,
              (ARRAY['电热水壶', '儿童自行车', '瓷质砖', '六角头螺栓', '针织T恤', '洗衣液', '家用燃气灶', '汽车轮胎', '复合肥料'])[1 + (d.g * 7) % 9],
              'M-' || (100 + d.g % 900), to_char(d.sampled_on - 20, 'YYYYMMDD'), d.sampled_on,
              (ARRAY['省产品质量监督检验研究院', '市质量技术监督检测所', '国家电器产品质量检验检测中心'])[1 + d.g % 3],
              CASE WHEN NOT d.failed THEN 'closed' WHEN d.g % 4 = 0 THEN 'rectifying' WHEN d.g % 4 = 1 THEN 'retested'
                   ELSE 'notified' END,
              d.sampled_on + 20, 'JC' || to_char(d.sampled_on, 'YYYY') || lpad(d.g::text, 5, '0'),
              CASE WHEN d.failed THEN 'fail' ELSE 'pass' END,
              CASE WHEN d.failed THEN '产品抽查通〔' || to_char(d.sampled_on + 25, 'YYYY') || '〕' || d.g || '号' END,
              CASE WHEN d.failed THEN d.sampled_on + 25 END, CASE WHEN d.failed THEN d.sampled_on + 40 END,
              CASE WHEN d.failed AND d.g % 4 = 1 THEN d.sampled_on + 30 END,
              CASE WHEN d.failed AND d.g % 4 = 1 THEN 'fail' END,
              CASE WHEN d.failed AND d.g % 4 = 0 THEN d.sampled_on + 105 END,
              NULL
         FROM demo_ps d`,
    );
    await tx.query(
      `INSERT INTO product_sample_items (sample_id, item_name, value, standard, conclusion)
       SELECT ps.id, i.item, CASE WHEN ps.conclusion = 'fail' THEN '不符合' ELSE '符合' END, i.std, ps.conclusion
         FROM product_samples ps JOIN (VALUES
           ('electrical', '对触及带电部件的防护', 'GB 4706.1-2005'), ('children', '小零件', 'GB 6675.2-2014'),
           ('building', '放射性', 'GB 6566-2010'), ('fastener', '保证载荷', 'GB/T 3098.1-2010'),
           ('textile', '纤维含量', 'GB 18401-2010'), ('dailyChemical', '表面活性剂含量', 'GB/T 13171.1-2022'),
           ('gasAppliance', '熄火保护装置', 'GB 16410-2020'), ('vehicleParts', '强度性能', 'GB 9743-2015'),
           ('agriculture', '总养分', 'GB/T 15063-2020')) AS i(code, item, std) ON i.code = ps.category_code`,
    );
    await tx.query(
      `INSERT INTO product_sample_events (sample_id, action, from_status, to_status)
       SELECT id, 'sample', NULL, 'sampled' FROM product_samples
       UNION ALL SELECT id, 'result', 'sampled', 'tested' FROM product_samples`,
    );
    const [counted] = await tx.query<{ samples: number; passed: number }>(
      `SELECT count(*)::int AS samples, count(*) FILTER (WHERE coalesce(retest_conclusion, conclusion) = 'pass')::int AS passed
         FROM product_samples WHERE sampled_on >= make_date($1::int, 1, 1)`,
      [year],
    );
    const [certs] = await tx.query<{ n: number }>(
      `WITH ins AS (
         INSERT INTO ccc_certificates (entity_id, station_id, certificate_no, catalogue_code, product_name, issued_on, expires_on)
         SELECT d.entity_id, d.station_id, (2020 + q.n % 6)::text || '01' || k.code || lpad((100000 + q.n)::text, 6, '0'),
                k.code, k.name, make_date(2020 + q.n % 6, 1 + q.n % 12, 1), make_date(2025 + q.n % 6, 1 + q.n % 12, 1)
           FROM generate_series(1, 30) AS q(n) JOIN demo_ps d ON d.g = q.n * 3
           JOIN (SELECT code, name, row_number() OVER (ORDER BY code) - 1 AS i FROM ccc_catalogue) k
             ON k.i = q.n % (SELECT count(*) FROM ccc_catalogue)
         RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
    );
    const [ex] = await tx.query<{ n: number }>(
      `WITH ins AS (
         INSERT INTO ccc_exemptions (entity_id, station_id, approval_no, catalogue_code, product_name, quantity, reason,
           approved_on, after_check_due_on, after_checked_on, after_check_result)
         SELECT d.entity_id, d.station_id, '免办〔' || $2::text || '〕' || q.n || '号', (ARRAY['0201', '0703', '2202', '0901'])[1 + q.n % 4],
                (ARRAY['科研测试用插头插座', '展览用电风扇', '样品电玩具', '维修用电视机'])[1 + q.n % 4], 10 * q.n,
                (ARRAY['科研测试', '展览展示', '整机测试样品', '维修零部件'])[1 + q.n % 4],
                $1::date - 90 + (q.n - 4) * 3, $1::date + (q.n - 4) * 3,
                CASE WHEN q.n <= 2 THEN $1::date - 20 END, CASE WHEN q.n <= 2 THEN 'compliant' END
           FROM generate_series(1, 8) AS q(n) JOIN demo_ps d ON d.g = q.n * 5 + 1
         RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [today, year],
    );
    return {
      plans: plans!.n,
      samples: counted!.samples,
      passed: counted!.passed,
      certificates: certs!.n,
      exemptions: ex!.n,
    };
  });
}
