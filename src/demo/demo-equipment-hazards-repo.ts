import type { Db } from '../db/client.ts';

/**
 * Demo 特种设备隐患与指令书, set-based: on up to 40 lifts in use of the register (every 5th by id), one 监督检查
 * each with one or two hazards and a 指令书 numbered per station, in every state: 整改中, 逾期督办, 已整改待验收,
 * 已验收关闭 (a 重大 hazard on every fifth); plus 10 hazards still waiting for their order. Runs after the equipment
 * register's demo (it finds no lifts, and adds nothing, without it).
 */
export async function loadDemoEquipmentHazards(
  db: Db,
  today: string,
): Promise<{ directives: number; hazards: number }> {
  return db.transaction(async (tx) => {
    await tx.query(
      `CREATE TEMP TABLE demo_eh ON COMMIT DROP AS
       SELECT q.id AS equipment_id, q.entity_id, q.station_id, s.code AS station_code, x.n,
              row_number() OVER (PARTITION BY q.station_id ORDER BY q.id)::int AS seq,
              ($1::date - (20 + x.n % 60))::date AS found_on,
              (ARRAY['issued', 'overdue', 'rectified', 'closed'])[1 + x.n % 4] AS status
         FROM (SELECT id, row_number() OVER (ORDER BY id)::int AS n FROM equipment
                WHERE status = 'inUse' AND category_code LIKE '3%' AND id % 5 = 0 ORDER BY id LIMIT 50) x
         JOIN equipment q ON q.id = x.id JOIN org_units s ON s.id = q.station_id`,
      [today],
    );
    const [made] = await tx.query<{ n: number }>(
      `WITH d AS (
         INSERT INTO equipment_directives (doc_no, equipment_id, entity_id, station_id, issued_on, deadline, requires_stop,
           status, rectified_on, evidence, reinspected_on, closed_on, escalated_at, inspector_names)
         SELECT upper(station_code) || '特设指〔' || extract(year FROM found_on)::int || '〕' || seq || '号（演示）',
                equipment_id, entity_id, station_id, found_on,
                CASE WHEN status = 'overdue' THEN $1::date - 3 ELSE found_on + 30 END, n % 5 = 0, status,
                CASE WHEN status IN ('rectified', 'closed') THEN found_on + 10 END,
                CASE WHEN status IN ('rectified', 'closed') THEN '已整改，附整改前后照片及维保单位整改报告' END,
                CASE WHEN status = 'closed' THEN found_on + 14 END,
                CASE WHEN status = 'closed' THEN found_on + 15 END,
                CASE WHEN status = 'overdue' THEN now() END, '演示检查员甲、演示检查员乙'
           FROM demo_eh WHERE n <= 40
         RETURNING id, equipment_id, station_id, issued_on, status, requires_stop),
       h AS (
         INSERT INTO equipment_hazards (equipment_id, station_id, grade_code, description, found_on, inspector_names,
           status, directive_id)
         SELECT d.equipment_id, d.station_id, CASE WHEN d.requires_stop AND k = 1 THEN 'major' ELSE 'general' END,
                (ARRAY['层门门锁电气安全装置失效', '轿厢应急照明不亮', '机房未设置灭火器', '维保记录未按规定填写',
                       '限速器校验超期', '紧急报警装置无法与值班室通话'])[1 + (d.id + k) % 6],
                d.issued_on, '演示检查员甲、演示检查员乙',
                CASE WHEN d.status = 'closed' THEN 'closed' ELSE 'ordered' END, d.id
           FROM d CROSS JOIN generate_series(1, 2) k WHERE k = 1 OR d.id % 2 = 0
         RETURNING id),
       ev AS (
         INSERT INTO equipment_directive_events (directive_id, action, from_status, to_status)
         SELECT id, 'issue', NULL, 'issued' FROM d
         RETURNING id)
       SELECT (SELECT count(*) FROM d)::int AS n`,
      [today],
    );
    await tx.query(
      `INSERT INTO equipment_hazards (equipment_id, station_id, grade_code, description, found_on, inspector_names, status)
       SELECT equipment_id, station_id, 'general', '安全管理人员未持证上岗', found_on, '演示检查员甲、演示检查员乙', 'open'
         FROM demo_eh WHERE n > 40`,
    );
    await tx.query(
      `INSERT INTO equipment_directive_counters (station_id, year, last_seq)
       SELECT station_id, extract(year FROM found_on)::int, max(seq) FROM demo_eh WHERE n <= 40
        GROUP BY 1, 2
       ON CONFLICT (station_id, year) DO UPDATE SET last_seq = greatest(equipment_directive_counters.last_seq, EXCLUDED.last_seq)`,
    );
    const [h] = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM equipment_hazards WHERE inspector_names = '演示检查员甲、演示检查员乙'`,
    );
    return { directives: made?.n ?? 0, hazards: h?.n ?? 0 };
  });
}
