import type { Db } from '../db/client.ts';

/**
 * Demo food data, set-based: every fourth registry entity holding a food licence (entity_licences: foodLicence JY…,
 * foodProductionLicence SC…) becomes a food business at its station with its station's inspector responsible;
 * its licence is copied with business categories by industry, and catering businesses (62xx) get 2–5 staff with
 * health certificates issued over the past 370 days (most renewed in time: a few have lapsed, about one in
 * twelve expires this month).
 * The 延续 deadline is taken as 6 weeks before expiry here (30 working days, without the holiday calendar).
 */
export async function loadDemoFood(
  db: Db,
  today: string,
): Promise<{ businesses: number; licences: number; certificates: number }> {
  return db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO food_businesses (entity_id, station_id, inspector_id)
       SELECT DISTINCT ON (e.id) e.id, e.station_id, u.id
         FROM entity_licences l JOIN entities e ON e.id = l.entity_id
         JOIN org_units s ON s.id = e.station_id LEFT JOIN users u ON u.username = s.code || '.inspector'
        WHERE l.kind IN ('foodLicence', 'foodProductionLicence') AND e.id % 4 = 0
       ON CONFLICT (entity_id) DO NOTHING`,
    );
    await tx.query(
      `INSERT INTO food_licences (business_id, kind, licence_no, categories, issued_on, valid_until, renewal_due_on, status)
       SELECT fb.id, CASE l.kind WHEN 'foodLicence' THEN 'operation' ELSE 'production' END, l.number,
              CASE WHEN l.kind = 'foodProductionLicence' THEN '{}'::text[]
                   WHEN e.industry_code = '6239' THEN ARRAY['hotFood', 'drinks']
                   WHEN e.industry_code = '5222' THEN ARRAY['prepackaged', 'pastry']
                   WHEN e.industry_code LIKE '62%' THEN ARRAY['hotFood', 'coldFood']
                   ELSE ARRAY['prepackaged', 'bulk'] END,
              i.issued, i.until, i.until - 42,
              CASE WHEN e.status = 'active' THEN 'active' ELSE 'cancelled' END
         FROM entity_licences l JOIN entities e ON e.id = l.entity_id JOIN food_businesses fb ON fb.entity_id = e.id
        CROSS JOIN LATERAL (SELECT coalesce(l.issued_on, e.established_on) AS issued) d
        CROSS JOIN LATERAL (SELECT coalesce(l.valid_until, (d.issued + interval '5 years' - interval '1 day')::date)
              AS until) r
        -- Four in five businesses renew in time: their licence runs on by as many 5-year terms as bring it past the
        -- renewal window; the fifth is left to lapse, so the inbox has some renewals and expiries to show.
        CROSS JOIN LATERAL (SELECT CASE WHEN fb.id % 5 = 0 OR r.until >= $1::date + 42 THEN 0
                                        ELSE ceil((($1::date + 42) - r.until) / 1826.0)::int END AS terms) t
        CROSS JOIN LATERAL (SELECT (d.issued + make_interval(years => 5 * t.terms))::date AS issued,
              (r.until + make_interval(years => 5 * t.terms))::date AS until) i
        WHERE l.kind IN ('foodLicence', 'foodProductionLicence') AND i.until > i.issued
       ON CONFLICT (licence_no) DO NOTHING`,
      [today],
    );
    await tx.query(
      `INSERT INTO food_health_certificates (business_id, staff_name, certificate_no, issued_on, valid_until)
       SELECT fb.id,
              (ARRAY['陈','李','黄','梁','何','张','林','罗','吴','冯','邓','周'])[1 + (fb.id * 7 + n) % 12] ||
              (ARRAY['伟','芳','敏','静','丽','强','军','杰','娟','艳','勇','霞','明','华'])[1 + (fb.id * 13 + n * 5) % 14] ||
              CASE WHEN (fb.id + n) % 3 = 0 THEN (ARRAY['婷','斌','红','波'])[1 + (fb.id + n) % 4] ELSE '' END,
              'JK' || to_char(x.issued, 'YYYY') || lpad((fb.id * 10 + n)::text, 9, '0'), x.issued,
              (x.issued + interval '1 year' - interval '1 day')::date
         FROM food_businesses fb JOIN entities e ON e.id = fb.entity_id
        CROSS JOIN LATERAL generate_series(1, 2 + (fb.id % 4)::int) AS n
        CROSS JOIN LATERAL (SELECT ($1::date - ((fb.id * 7919 + n * 104729) % 370)::int) AS issued) x
        WHERE e.industry_code LIKE '62%' AND e.status = 'active'`,
      [today],
    );
    const [row] = await tx.query<{ b: number; l: number; c: number }>(
      `SELECT (SELECT count(*) FROM food_businesses)::int AS b, (SELECT count(*) FROM food_licences)::int AS l,
              (SELECT count(*) FROM food_health_certificates)::int AS c`,
    );
    return { businesses: row!.b, licences: row!.l, certificates: row!.c };
  });
}
