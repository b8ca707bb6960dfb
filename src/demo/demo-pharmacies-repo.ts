import type { Db } from '../db/client.ts';

/**
 * Demo 零售药店 and 阳光药师, set-based: the first 176 active registry entities holding a 药品经营许可证
 * (entity_licences drugLicence; seed 001: 176 pharmacies) become pharmacies at their station, placed around the
 * district centre, open 08:00–22:00 (every tenth 24 hours); each gets 1–2 pharmacists on duty over the opening
 * hours, and a year of daily attendance rows up to yesterday: about one opening day in 16 falls short by 30 minutes
 * to 4 hours, which puts the rate at ≈ 99 % (covered / opening minutes, docs/PHARMACIES.md). Absences more than a
 * week old are marked reviewed, so the stations' inboxes hold only the recent ones.
 */
export async function loadDemoPharmacies(
  db: Db,
  today: string,
): Promise<{ pharmacies: number; pharmacists: number; days: number }> {
  return db.transaction(async (tx) => {
    const [ph] = await tx.query<{ n: number }>(
      `WITH picked AS (
         SELECT DISTINCT ON (e.id) e.id, e.station_id, l.number, l.issued_on, l.valid_until
           FROM entity_licences l JOIN entities e ON e.id = l.entity_id
          WHERE l.kind = 'drugLicence' AND e.status = 'active'
          ORDER BY e.id LIMIT 176),
       ins AS (
         INSERT INTO pharmacies (entity_id, station_id, licence_no, licence_issued_on, licence_valid_until, latitude,
                                 longitude, opens_minute, closes_minute)
         SELECT p.id, p.station_id, p.number, i.issued, i.until,
                23.02 + ((p.id * 7919) % 1000 - 500) / 10000.0, 113.12 + ((p.id * 104729) % 1000 - 500) / 8000.0,
                CASE WHEN p.id % 10 = 0 THEN 0 ELSE 480 END, CASE WHEN p.id % 10 = 0 THEN 1440 ELSE 1320 END
           FROM picked p
          CROSS JOIN LATERAL (SELECT coalesce(p.issued_on, $1::date - 400) AS issued0) a
          -- A licence that lapsed in the register was renewed: its term runs on by whole 5-year terms.
          CROSS JOIN LATERAL (SELECT (a.issued0 + make_interval(years => 5 * greatest(0,
                  ceil(($1::date - coalesce(p.valid_until, a.issued0 + 1825)) / 1826.0)::int)))::date AS issued) b
          CROSS JOIN LATERAL (SELECT b.issued AS issued, (b.issued + interval '5 years' - interval '1 day')::date AS until) i
         ON CONFLICT DO NOTHING RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [today],
    );
    const [pc] = await tx.query<{ n: number }>(
      `WITH ins AS (
         INSERT INTO pharmacists (pharmacy_id, name, registration_no, duty_weekdays, duty_from_minute, duty_to_minute)
         SELECT ph.id,
                (ARRAY['陈','李','黄','梁','何','张','林','罗','吴','冯','邓','周'])[1 + (ph.id * 7 + n) % 12] ||
                (ARRAY['晓','文','嘉','志','丽','国','少','伟'])[1 + (ph.id * 3 + n) % 8] ||
                (ARRAY['华','敏','明','芳','强','玲','杰','燕','辉'])[1 + (ph.id * 11 + n * 5) % 9],
                'ZY44060' || lpad((ph.id * 10 + n)::text, 9, '0'),
                CASE WHEN n = 1 THEN '{1,2,3,4,5,6,7}'::smallint[] ELSE '{6,7}'::smallint[] END,
                ph.opens_minute, ph.closes_minute
           FROM pharmacies ph CROSS JOIN LATERAL generate_series(1, 1 + (ph.id % 2)::int) AS n
         RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
    );
    const [days] = await tx.query<{ n: number }>(
      `WITH ins AS (
         INSERT INTO pharmacy_attendance_days (pharmacy_id, day, open_minutes, covered_minutes, reviewed_at)
         SELECT x.id, x.day, x.open,
                CASE WHEN x.h < 62 THEN greatest(0, x.open - 30 - (x.h * 37) % 210) ELSE x.open END,
                CASE WHEN x.h < 62 AND x.day < $1::date - 7 THEN now() END
           FROM (SELECT ph.id, $1::date - n AS day, ph.closes_minute - ph.opens_minute AS open,
                        ((ph.id * 7919 + ($1::date - n - DATE '2000-01-01') * 104729) % 1000)::int AS h
                   FROM pharmacies ph CROSS JOIN generate_series(1, 365) AS n
                  WHERE $1::date - n >= ph.licence_issued_on ORDER BY ph.id, n DESC) x
         RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [today],
    );
    return { pharmacies: ph!.n, pharmacists: pc!.n, days: days!.n };
  });
}
