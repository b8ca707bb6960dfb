import type { Queryable } from '../db/client.ts';

/**
 * Demo 缺陷产品召回, set-based: the first enterprise of each station is the producer of one recall, filed 10–130 days
 * ago; every third completed, every third planned only, the rest in progress; weekly progress reports (with their
 * events) recover the quantity gradually, the completed ones in full. Published when not merely planned.
 */
export async function insertDemoRecalls(db: Queryable, today: string, adminId: number): Promise<number> {
  await db.query(
    `CREATE TEMP TABLE demo_pr ON COMMIT DROP AS
     SELECT e.id AS entity_id, e.station_id, e.name, row_number() OVER (ORDER BY e.station_id)::int AS n
       FROM (SELECT DISTINCT ON (station_id) id, station_id, name FROM entities
              WHERE type = 'enterprise' AND status = 'active' ORDER BY station_id, id) e`,
  );
  const rows = await db.query<{ id: number }>(
    `INSERT INTO product_recalls (entity_id, station_id, product_name, batches, defect, quantity, recovered, plan,
       plan_filed_on, status, completed_on, published_on, created_by)
     SELECT d.entity_id, d.station_id, p.product, to_char($1::date - 200 - d.n, 'YYYYMMDD') || '–' ||
              to_char($1::date - 150 - d.n, 'YYYYMMDD'), p.defect, p.qty,
            CASE d.n % 3 WHEN 0 THEN p.qty WHEN 1 THEN p.qty * least(weeks.w, 8) / 10 ELSE 0 END,
            '停止生产和销售该批次产品；通过经销商和电商平台通知消费者，免费更换部件或退货；每周报告召回进展。',
            $1::date - (10 + d.n * 12), CASE d.n % 3 WHEN 0 THEN 'completed' WHEN 1 THEN 'inProgress' ELSE 'planned' END,
            CASE WHEN d.n % 3 = 0 THEN $1::date - (10 + d.n * 12) + weeks.w * 7 END,
            CASE WHEN d.n % 3 <> 2 THEN $1::date - (10 + d.n * 12) + 3 END, $2
       FROM demo_pr d
       CROSS JOIN LATERAL (SELECT greatest(1, (10 + d.n * 12) / 7 - 1) AS w) weeks
       JOIN (VALUES
         (0, '暖风机（型号 NF-2000）', '温控器失效导致过热，存在火灾隐患', 1200),
         (1, '儿童电动玩具车（型号 KC-9）', '电池仓可被儿童打开，纽扣电池有被吞咽的风险', 800),
         (2, '电热水壶（型号 DH-15）', '底座绝缘不良，存在触电风险', 2400),
         (3, '电动自行车充电器（型号 CD-48）', '输出过压保护失效，可能引起电池起火', 600),
         (4, '儿童安全座椅（型号 AZ-3）', '卡扣强度不足，碰撞时可能松脱', 350)) AS p(k, product, defect, qty)
         ON p.k = d.n % 5
     RETURNING id`,
    [today, adminId],
  );
  // Weekly reports: the completed ones recover the whole quantity in w reports, the others 10 % a week.
  await db.query(
    `INSERT INTO product_recall_reports (recall_id, reported_on, quantity_recovered, note, created_by)
     SELECT pr.id, pr.plan_filed_on + g * 7, q.part, '经销商回收、消费者退货', pr.created_by
       FROM product_recalls pr
       CROSS JOIN LATERAL (SELECT CASE WHEN pr.status = 'completed' THEN (pr.completed_on - pr.plan_filed_on) / 7
                                        ELSE pr.recovered * 10 / pr.quantity END AS reports) r
       CROSS JOIN LATERAL generate_series(1, r.reports) g
       CROSS JOIN LATERAL (SELECT CASE WHEN g = r.reports THEN pr.recovered - (r.reports - 1) * (pr.recovered / r.reports)
                                       ELSE pr.recovered / r.reports END AS part) q
      WHERE pr.status <> 'planned' AND pr.created_by = $1`,
    [adminId],
  );
  await db.query(
    `INSERT INTO product_recall_events (recall_id, action, from_status, to_status, note, actor_id, created_at)
     SELECT pr.id, 'file', NULL, 'planned', NULL, pr.created_by, pr.plan_filed_on::timestamptz FROM product_recalls pr
     UNION ALL
     SELECT rp.recall_id, 'report', CASE WHEN rp.reported_on = min(rp.reported_on) OVER (PARTITION BY rp.recall_id)
              THEN 'planned' ELSE 'inProgress' END, 'inProgress', '报告 #' || rp.id, rp.created_by, rp.reported_on::timestamptz
       FROM product_recall_reports rp
     UNION ALL
     SELECT pr.id, 'complete', 'inProgress', 'completed', NULL, pr.created_by, pr.completed_on::timestamptz
       FROM product_recalls pr WHERE pr.status = 'completed'`,
  );
  return rows.length;
}

/**
 * The registry rows a demo alert file names: every 997th active entity, alternately by USCC (as a seller) and by its
 * exact name (as a producer), so the import's matching runs against the whole registry.
 */
export function demoAlertParties(db: Queryable) {
  return db.query<{ uscc: string; name: string; n: number }>(
    `SELECT uscc, name, row_number() OVER (ORDER BY id)::int AS n FROM entities
      WHERE status = 'active' AND id % 997 = 0 ORDER BY id LIMIT 40`,
  );
}
