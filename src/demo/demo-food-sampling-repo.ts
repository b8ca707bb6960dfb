import type { Db } from '../db/client.ts';

/**
 * Demo 食品安全监督抽检, set-based: per station a plan per food category for the year; about 0.4 batches per food
 * business over the past 12 months (the seeds' rate: Chongzuo's 6,496 batches a year for a city), with the category
 * by the business's trade, a 合格率 near 97.5 %; the 不合格 ones notified with a case lead, a third of them retested,
 * the older ones 核查处置 done, and results published 20 days after the test. The clocks are approximated in
 * calendar days (送检 7, 检验 28, 复检 9; the service computes working days by the calendar).
 */
export async function loadDemoFoodSampling(
  db: Db,
  today: string,
): Promise<{ plans: number; samples: number; failed: number }> {
  return db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO food_sampling_plans (station_id, name, food_category, hazards, period_start, period_end, target_batches)
       SELECT s.id, extract(year FROM $1::date)::int || ' 年' || c.label || '监督抽检', c.code, c.hazards,
              date_trunc('year', $1::date)::date, (date_trunc('year', $1::date) + interval '1 year - 1 day')::date, c.target
         FROM org_units s CROSS JOIN (VALUES
           ('catering', '餐饮食品', '{microbe,additive,illegalAdditive}'::text[], 40),
           ('grain', '粮食加工品', '{heavyMetal,contaminant,quality}'::text[], 15),
           ('meat', '肉制品', '{vetDrug,microbe,additive}'::text[], 15),
           ('vegetable', '蔬菜', '{pesticide,heavyMetal}'::text[], 20),
           ('beverage', '饮料', '{microbe,additive,quality}'::text[], 10)) AS c(code, label, hazards, target)
        WHERE s.kind = 'station'`,
      [today],
    );
    // Candidates: (business, n) pairs kept when their hash falls in the 2-in-5 band; the category by trade.
    await tx.query(
      `CREATE TEMP TABLE demo_fs ON COMMIT DROP AS
       SELECT fb.id AS business_id, fb.station_id, x.h, ($1::date - (x.h % 365)::int) AS sampled_on,
              CASE WHEN e.industry_code = '6239' THEN 'beverage'
                   WHEN e.industry_code LIKE '62%' THEN 'catering'
                   WHEN e.industry_code IN ('5222', '1411') THEN 'pastry'
                   WHEN e.industry_code = '1469' THEN 'condiment'
                   WHEN e.industry_code = '5221' THEN (ARRAY['grain', 'oil'])[1 + x.h % 2]
                   WHEN e.industry_code IN ('5127', '5226') THEN (ARRAY['alcohol', 'beverage'])[1 + x.h % 2]
                   ELSE (ARRAY['grain', 'oil', 'meat', 'dairy', 'beverage', 'condiment', 'vegetable', 'aquatic', 'fruit',
                               'livestock', 'egg', 'soy', 'instant'])[1 + x.h % 13] END AS food_category,
              CASE WHEN e.industry_code LIKE '62%' THEN 'catering' WHEN e.industry_code LIKE '1%' THEN 'production'
                   ELSE 'circulation' END AS stage,
              ((x.h / 5) % 40 = 3) AS failed
         FROM food_businesses fb JOIN entities e ON e.id = fb.entity_id
        CROSS JOIN LATERAL (SELECT ((fb.id * 2654435761 + 40503) % 1000003)::int AS h) x
        WHERE x.h % 5 < 2 AND e.status = 'active'`,
      [today],
    );
    await tx.query(
      `INSERT INTO food_samples (plan_id, business_id, station_id, stage, food_category, food_name, batch_no, producer_name,
         producer_uscc, produced_on, quantity, samplers, sampled_on, lab_name, status, delivery_due_on, delivered_on,
         result_due_on, tested_on, report_no, conclusion, notice_no, notified_on, retest_due_on, retest_requested_on,
         retest_lab, retest_conclusion, disposal_due_on, disposal_note, handled_on, published_on)
       SELECT p.id,
              d.business_id, d.station_id, d.stage, d.food_category, f.name,
              to_char(d.sampled_on - 9, 'YYYYMMDD') || chr(65 + d.h % 6), f.producer, NULL, d.sampled_on - 9 - d.h % 20,
              f.qty, ARRAY[(ARRAY['陈','李','黄','梁'])[1 + d.h % 4] || '执法', (ARRAY['何','张','林','罗'])[1 + d.h % 4] || '检查'],
              d.sampled_on, (ARRAY['市食品药品检验所', '省产品质量检验研究院', '华测检测认证集团'])[1 + d.h % 3],
              st.status, d.sampled_on + 7, t.delivered, t.delivered + 28, t.tested, CASE WHEN t.tested IS NOT NULL THEN 'BG' || d.h END,
              CASE WHEN t.tested IS NOT NULL THEN CASE WHEN d.failed THEN 'fail' ELSE 'pass' END END,
              CASE WHEN t.notified IS NOT NULL THEN '市监食抽通〔' || extract(year FROM t.notified) || '〕' || d.h % 1000 || '号' END,
              t.notified, t.notified + 9, CASE WHEN t.retest THEN t.notified + 4 END,
              CASE WHEN t.retest THEN '省食品药品检验研究院' END,
              CASE WHEN t.retest AND st.status IN ('retested', 'handled') THEN 'fail' END,
              t.notified + 90, CASE WHEN st.status = 'handled' THEN '已责令经营者下架、召回不合格食品，并立案调查' END,
              CASE WHEN st.status = 'handled' THEN t.notified + 60 END,
              CASE WHEN st.status IN ('closed', 'handled') AND t.tested + 20 <= $1::date THEN t.tested + 20 END
         FROM demo_fs d
        JOIN (VALUES ('catering', '自制凉拌菜', '自制', '1 kg'), ('beverage', '现制奶茶', '自制', '2 杯'),
                     ('pastry', '奶油蛋糕', '某食品厂', '1.5 kg'), ('condiment', '酱油', '某酿造有限公司', '6 瓶'),
                     ('grain', '大米', '某米业有限公司', '5 kg'), ('oil', '花生油', '某粮油有限公司', '4 瓶'),
                     ('meat', '酱卤肉', '某肉制品有限公司', '2 kg'), ('dairy', '纯牛奶', '某乳业有限公司', '12 盒'),
                     ('vegetable', '豇豆', '—', '2 kg'), ('aquatic', '草鱼', '—', '3 尾'), ('fruit', '香蕉', '—', '3 kg'),
                     ('livestock', '猪肉', '—', '2 kg'), ('egg', '鸡蛋', '—', '2 kg'), ('soy', '豆腐', '某豆制品厂', '2 kg'),
                     ('alcohol', '白酒', '某酒业有限公司', '4 瓶'), ('instant', '方便面', '某食品有限公司', '10 袋'))
             AS f(category, name, producer, qty) ON f.category = d.food_category
        LEFT JOIN food_sampling_plans p ON p.station_id = d.station_id AND p.food_category = d.food_category
              AND d.sampled_on BETWEEN p.period_start AND p.period_end
        CROSS JOIN LATERAL (SELECT CASE WHEN d.sampled_on + 2 <= $1::date THEN d.sampled_on + 2 END AS delivered,
                                   CASE WHEN d.sampled_on + 18 <= $1::date THEN d.sampled_on + 18 END AS tested,
                                   CASE WHEN d.failed AND d.sampled_on + 25 <= $1::date THEN d.sampled_on + 25 END AS notified,
                                   d.failed AND d.h % 3 = 0 AND d.sampled_on + 29 <= $1::date AS retest) t
        CROSS JOIN LATERAL (SELECT CASE WHEN t.delivered IS NULL THEN 'sampled' WHEN t.tested IS NULL THEN 'delivered'
                                        WHEN NOT d.failed THEN 'closed' WHEN t.notified IS NULL THEN 'tested'
                                        WHEN t.notified + 60 <= $1::date THEN 'handled'
                                        WHEN t.retest AND d.sampled_on + 45 <= $1::date THEN 'retested'
                                        WHEN t.retest THEN 'retestRequested' ELSE 'notified' END AS status) st`,
      [today],
    );
    await tx.query(
      `INSERT INTO food_sample_items (sample_id, retest, item_name, hazard, value, limit_text, standard, conclusion)
       SELECT fs.id, r.retest, i.item, i.hazard, CASE WHEN i.bad AND fs.conclusion = 'fail' THEN i.badv ELSE i.okv END,
              i.lim, i.std, CASE WHEN i.bad AND fs.conclusion = 'fail' THEN 'fail' ELSE 'pass' END
         FROM food_samples fs
        CROSS JOIN LATERAL (VALUES (false), (true)) AS r(retest)
        CROSS JOIN LATERAL (VALUES
           ('铅（以 Pb 计）', 'heavyMetal', '0.03 mg/kg', '0.6 mg/kg', '≤0.2 mg/kg', 'GB 2762-2022', fs.food_category IN ('grain', 'vegetable', 'aquatic')),
           ('菌落总数', 'microbe', '1.2×10³ CFU/g', '8.6×10⁵ CFU/g', '≤10⁵ CFU/g', 'GB 29921-2021', fs.food_category IN ('catering', 'pastry', 'meat', 'dairy', 'beverage')),
           ('苯甲酸及其钠盐', 'additive', '未检出', '1.2 g/kg', '≤0.5 g/kg', 'GB 2760-2014', fs.food_category IN ('condiment', 'soy', 'instant', 'alcohol', 'oil')),
           ('恩诺沙星', 'vetDrug', '未检出', '210 μg/kg', '≤100 μg/kg', 'GB 31650-2019', fs.food_category IN ('livestock', 'egg')),
           ('毒死蜱', 'pesticide', '未检出', '0.12 mg/kg', '≤0.02 mg/kg', 'GB 2763-2021', fs.food_category = 'fruit'))
           AS i(item, hazard, okv, badv, lim, std, bad)
        WHERE fs.conclusion IS NOT NULL AND (NOT r.retest OR fs.retest_conclusion IS NOT NULL)
          AND (i.bad OR i.hazard IN ('heavyMetal', 'additive'))`,
    );
    await tx.query(
      `WITH l AS (
         INSERT INTO case_leads (source_type, source_ref, entity_id, station_id, summary, status, created_by, created_at,
           received_on, verify_due_on, assigned_to, outcome_ground, outcome_note, decided_on, decided_by, updated_at)
         SELECT 'sampling', 'FS' || fs.id, fb.entity_id, fs.station_id,
                '食品安全监督抽检不合格：' || fs.food_name || '（批号 ' || fs.batch_no || '）',
                CASE WHEN old THEN 'not_filed' ELSE 'verifying' END, ins.id,
                fs.notified_on::timestamp AT TIME ZONE 'Asia/Shanghai', fs.notified_on, fs.notified_on + 21, ins.id,
                CASE WHEN old THEN 'minor_corrected' END,
                CASE WHEN old THEN '经核查，经营者已下架召回不合格食品并查明进货来源，违法行为轻微并及时改正，不予立案' END,
                CASE WHEN old THEN fs.notified_on + 10 END, CASE WHEN old THEN ch.id END, now()
           FROM food_samples fs JOIN food_businesses fb ON fb.id = fs.business_id JOIN org_units s ON s.id = fs.station_id
           LEFT JOIN users ins ON ins.username = s.code || '.inspector' LEFT JOIN users ch ON ch.username = s.code || '.chief'
          CROSS JOIN LATERAL (SELECT fs.notified_on + 21 < $1::date AS old) o
          WHERE fs.notified_on IS NOT NULL
         ON CONFLICT (source_type, source_ref) DO NOTHING
         RETURNING id, source_ref)
       UPDATE food_samples fs SET case_lead_ref = 'AY' || lpad(l.id::text, 8, '0')
         FROM l WHERE fs.id = substr(l.source_ref, 3)::bigint`,
      [today],
    );
    const [row] = await tx.query<{ p: number; s: number; f: number }>(
      `SELECT (SELECT count(*) FROM food_sampling_plans)::int AS p, (SELECT count(*) FROM food_samples)::int AS s,
              (SELECT count(*) FROM food_samples WHERE conclusion = 'fail')::int AS f`,
    );
    return { plans: row!.p, samples: row!.s, failed: row!.f };
  });
}
