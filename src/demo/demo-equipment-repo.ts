import type { Queryable } from '../db/client.ts';

export interface EquipmentLoadOptions {
  today: string;
  lifts: number;
  others: number;
  /** 维保 records per lift, every 15 days back from the last one. */
  maintenancePerLift: number;
  /** Past periodic inspections per piece of equipment. */
  inspectionsPerPiece: number;
  /** Ids of equipment made here start after this (bench batches). */
  offset?: number;
}

// Other kinds, by share: boilers, vessels, cylinders, cranes (2-yearly and the yearly 塔式/流动式/升降机), in-plant
// vehicles, amusement devices, piping, ropeways, parking.
const OTHER_CODES = [
  '1100',
  '1200',
  '2100',
  '2100',
  '2100',
  '2200',
  '2300',
  '2300',
  '2300',
  '4100',
  '4100',
  '4200',
  '4300',
  '4400',
  '4800',
  '4D00',
  '5100',
  '5100',
  '6100',
  '8300',
  '9100',
];

/**
 * Demo and bench equipment, set-based (INSERT … SELECT generate_series): lifts and other kinds spread over the
 * registry's entities (every seventh, so a user unit has several), each with a due date spread from 40 days ago to
 * 13 months ahead (about 1 in 10 应报检, 1 in 12 超期未检), a few stopped, unregistered or scrapped, past passing
 * inspections one interval apart, and lifts' 维保 records every 15 days (about 1 in 20 lifts behind).
 * Positions are scattered around the station's township centre by hash (no tiles needed).
 */
export async function loadEquipmentData(db: Queryable, o: EquipmentLoadOptions) {
  const offset = o.offset ?? 0;
  const total = o.lifts + o.others;
  const [{ before }] = (await db.query<{ before: number }>(
    'SELECT coalesce(max(id), 0)::bigint AS before FROM equipment',
  )) as [{ before: number }];
  await db.query(
    `WITH ents AS (
       SELECT array_agg(id ORDER BY id) AS a FROM (SELECT id FROM entities WHERE id % 7 = 0 ORDER BY id LIMIT 200000) x),
     gen AS (
       SELECT g, (hashint8(g) & 2147483647) AS h, g - $4 <= $2 AS lift FROM generate_series($4::bigint + 1, $4::bigint + $3::bigint) g),
     pick AS (
       SELECT gen.*, ents.a[1 + (gen.h % cardinality(ents.a))] AS entity_id,
              CASE WHEN gen.g - $4 <= $2 THEN CASE WHEN gen.h % 10 = 0 THEN '3300' ELSE '3100' END
                   ELSE ($5::text[])[1 + (gen.h / 7) % cardinality($5::text[])] END AS cat
         FROM gen, ents),
     shaped AS (
       SELECT p.*, e.station_id, e.region_code AS ent_region,
              CASE WHEN p.h % 100 < 3 THEN 'stopped' WHEN p.h % 100 = 3 THEN 'unregistered'
                   WHEN p.h % 100 = 4 THEN 'scrapped' ELSE 'inUse' END AS status,
              $1::date + ((p.h / 13) % 430)::int - 40 AS due
         FROM pick p JOIN entities e ON e.id = p.entity_id)
     INSERT INTO equipment (equipment_code, category_code, registration_no, entity_id, station_id, maker_name,
       installer_name, maintenance_unit_name, model, address, region_code, latitude, longitude, status, first_used_on,
       registered_on, safety_grade, gas_class, next_inspection_due, inspection_state, last_maintained_on)
     SELECT cat || '440605' || lpad(g::text, 10, '0'), cat,
            CASE WHEN status = 'unregistered' THEN NULL ELSE left(cat, 1) || '粤E' || lpad(g::text, 8, '0') END,
            entity_id, station_id,
            (ARRAY['广州某电梯有限公司', '佛山某机械制造有限公司', '上海某起重设备有限公司', '某锅炉厂'])[1 + h % 4],
            '佛山某设备安装工程有限公司',
            CASE WHEN lift THEN (ARRAY['广州某电梯有限公司', '南海某电梯维保有限公司'])[1 + h % 2] END,
            'M-' || (h % 90 + 10), '示范区设备路' || (h % 500 + 1) || '号',
            coalesce(left(ent_region, 9), '440605' || lpad((1 + h % 7)::text, 3, '0')),
            round((23.00 + (station_id % 8) * 0.02 + (hashint8(g + 7777) & 1023) * 0.00002)::numeric, 6),
            round((113.05 + (station_id % 5) * 0.03 + (hashint8(g + 99991) & 1023) * 0.00003)::numeric, 6),
            status,
            CASE WHEN status = 'unregistered' THEN $1::date - (h % 60)::int ELSE $1::date - 400 - (h % 3000)::int END,
            CASE WHEN status = 'unregistered' THEN NULL ELSE $1::date - 380 - (h % 3000)::int END,
            CASE WHEN cat LIKE '21%' THEN 1 + (h % 3)::int END,
            CASE WHEN cat = '2300' THEN (ARRAY['corrosive', 'general', 'inert'])[1 + h % 3] END,
            CASE WHEN status IN ('inUse', 'stopped') THEN due END,
            CASE WHEN status NOT IN ('inUse', 'stopped') THEN 'normal' WHEN due < $1::date THEN 'overdue'
                 WHEN due <= ($1::date + interval '1 month')::date THEN 'due' ELSE 'normal' END,
            CASE WHEN lift THEN $1::date - (CASE WHEN h % 20 = 0 THEN 16 + h % 30 ELSE h % 14 END)::int END
       FROM shaped`,
    [o.today, o.lifts, total, offset, OTHER_CODES],
  );
  const codeRange = 'e.id > $1::bigint';
  await db.query(
    `INSERT INTO equipment_inspections (equipment_id, inspection_kind, inspected_on, conclusion, safety_grade, next_due,
       report_no, institute_name)
     SELECT e.id, 'periodic', d.on_day, 'pass', e.safety_grade, d.next_due,
            'JY' || to_char(d.on_day, 'YYYY') || '-' || e.id || '-' || k, '示范区特种设备检验所'
       FROM equipment e CROSS JOIN generate_series(1, $2::int) k
       CROSS JOIN LATERAL (SELECT CASE WHEN e.category_code LIKE '3%' OR e.category_code IN ('4300', '4400', '4800')
                                  THEN 12 WHEN e.category_code LIKE '21%' THEN 36 ELSE 24 END AS m) i
       CROSS JOIN LATERAL (SELECT (e.next_inspection_due - make_interval(months => i.m * k))::date AS on_day,
                                  (e.next_inspection_due - make_interval(months => i.m * (k - 1)))::date AS next_due) d
      WHERE e.next_inspection_due IS NOT NULL AND ${codeRange}`,
    [before, o.inspectionsPerPiece],
  );
  if (o.maintenancePerLift > 0)
    await db.query(
      `INSERT INTO equipment_maintenance (equipment_id, maintained_on, maintenance_unit_name, maintainer_name)
       SELECT e.id, e.last_maintained_on - 15 * k, e.maintenance_unit_name, '维保员' || (e.id % 40 + 1)
         FROM equipment e CROSS JOIN generate_series(0, $2::int - 1) k
        WHERE e.last_maintained_on IS NOT NULL AND ${codeRange}`,
      [before, o.maintenancePerLift],
    );
  const [n] = await db.query<{ equipment: number; inspections: number; maintenance: number }>(
    `SELECT (SELECT count(*) FROM equipment)::int AS equipment,
            (SELECT count(*) FROM equipment_inspections)::int AS inspections,
            (SELECT count(*) FROM equipment_maintenance)::int AS maintenance`,
  );
  return n!;
}

/** The demo district: ≈ 3,000 lifts and 1,500 other pieces (issue 14 point 13). */
export function loadDemoEquipment(db: Queryable, today: string) {
  return loadEquipmentData(db, { today, lifts: 3000, others: 1500, maintenancePerLift: 6, inspectionsPerPiece: 2 });
}
