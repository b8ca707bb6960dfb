import type { Db } from '../db/client.ts';

interface Buyer {
  nameCipher: string;
  nameMasked: string;
  idCipher: string;
  idHash: string;
  idMasked: string;
  phoneCipher: string;
  phoneMasked: string;
}

/**
 * Demo registrations in one statement: pharmacies (the first 3 demo retail pharmacies of each station, by entity id; load them first) × days ×
 * watched drugs, 0–2 sales each, the buyer drawn from the pool by a hash; on `spikeDay` the first 桂城 pharmacy sells
 * fever drugs to 45 more buyers. The health liaison is s01.chief.
 */
export async function insertDemoDrugSales(
  db: Db,
  p: { buyers: Buyer[]; from: string; to: string; spikeDay: string },
): Promise<number> {
  const col = (k: keyof Buyer) => p.buyers.map((b) => b[k]);
  return db.transaction(async (tx) => {
    await tx.query(
      `UPDATE drug_sale_settings SET liaison_user_id = (SELECT id FROM users WHERE username = 's01.chief') WHERE id = 1`,
    );
    const [row] = await tx.query<{ n: number }>(
      `WITH buyers AS (
         SELECT (ord - 1)::int AS k, * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
           $6::text[], $7::text[]) WITH ORDINALITY AS b(nc, nm, ic, ih, im, pc, pm, ord)),
       pharmacies AS (
         SELECT id, station_id, coalesce(left(region_code, 9), '') AS township, rn FROM (
           SELECT e.id, e.station_id, e.region_code, row_number() OVER (PARTITION BY e.station_id ORDER BY e.id) AS rn
             FROM entities e JOIN pharmacies p ON p.entity_id = e.id WHERE e.status = 'active') x WHERE rn <= 3),
       drugs AS (SELECT name, drug_class, row_number() OVER (ORDER BY sort_order) AS dn FROM drug_watch_list WHERE active),
       sales AS (
         SELECT ph.id AS entity_id, ph.station_id, ph.township, d::date AS day, dr.name, dr.drug_class, s AS seq
           FROM pharmacies ph CROSS JOIN generate_series($8::date, $9::date, '1 day') d CROSS JOIN drugs dr
           CROSS JOIN LATERAL generate_series(1, (abs(hashtext(ph.id::text || d::text || dr.name)) % 3)) s
         UNION ALL
         SELECT ph.id, ph.station_id, ph.township, $10::date, dr.name, dr.drug_class, s
           FROM pharmacies ph JOIN drugs dr ON dr.drug_class = '退热类' CROSS JOIN generate_series(1, 15) s
          WHERE ph.rn = 1 AND ph.station_id = (SELECT id FROM org_units WHERE code = 's01')),
       ins AS (
         INSERT INTO drug_sale_registrations (entity_id, station_id, township_code, sold_on, drug_name, drug_class,
           quantity, buyer_name_cipher, buyer_name_masked, id_cipher, id_hash, id_masked, phone_cipher, phone_masked,
           temperature, channel, created_at)
         SELECT s.entity_id, s.station_id, s.township, s.day, s.name, s.drug_class, 1, b.nc, b.nm, b.ic, b.ih, b.im,
                b.pc, b.pm, CASE WHEN s.drug_class = '退热类' THEN 37.5 + (abs(hashtext(s.entity_id::text || s.seq)) % 15) / 10.0 END,
                CASE WHEN s.seq = 2 THEN 'import' ELSE 'portal' END, s.day + interval '10 hours'
           FROM sales s JOIN buyers b ON b.k = abs(hashtext(s.entity_id::text || s.day::text || s.name || s.seq)) % $11
         RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [
        col('nameCipher'),
        col('nameMasked'),
        col('idCipher'),
        col('idHash'),
        col('idMasked'),
        col('phoneCipher'),
        col('phoneMasked'),
        p.from,
        p.to,
        p.spikeDay,
        p.buyers.length,
      ],
    );
    return Number(row?.n ?? 0);
  });
}

/**
 * 两品一械 for the demo: the 4th and 5th active entities of each station as a device shop (经营许可) and a cosmetics
 * maker (生产许可), and a dozen adverse-event reports on their products in various states.
 */
export async function insertDemoCosmeticsDevices(
  db: Db,
  today: string,
): Promise<{ businesses: number; events: number }> {
  return db.transaction(async (tx) => {
    const [b] = await tx.query<{ n: number }>(
      `WITH picked AS (
         SELECT id, station_id, row_number() OVER (ORDER BY station_id, id) AS k, rn FROM (
           SELECT e.id, e.station_id, row_number() OVER (PARTITION BY e.station_id ORDER BY e.id) AS rn
             FROM entities e WHERE e.status = 'active') x WHERE rn IN (4, 5)),
       ins AS (
         INSERT INTO cd_businesses (entity_id, station_id, category, licence_kind, licence_no, scope)
         SELECT id, station_id, CASE WHEN rn = 4 THEN 'device' ELSE 'cosmetics' END, 'licence',
                CASE WHEN rn = 4 THEN '粤佛药监械经营许2020' || lpad(k::text, 4, '0') || '号'
                     ELSE '粤妆2016' || lpad(k::text, 4, '0') END,
                CASE WHEN rn = 4 THEN '第二类、第三类医疗器械零售' ELSE '一般液态单元（护发清洁类）' END
           FROM picked RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
    );
    const [e] = await tx.query<{ n: number }>(
      `WITH ins AS (
         INSERT INTO cd_adverse_events (business_id, product_name, registration_no, severity, description, occurred_on,
           status, note)
         SELECT b.id,
                CASE WHEN b.category = 'device' THEN '一次性使用无菌注射器' ELSE '滋润保湿面霜' END,
                CASE WHEN b.category = 'device' THEN '粤械注准2020214' || lpad((b.id % 10000)::text, 4, '0')
                     ELSE '粤G妆网备字2020' || lpad((b.id % 1000000)::text, 6, '0') END,
                (ARRAY['general', 'general', 'serious'])[1 + b.id % 3],
                CASE WHEN b.category = 'device' THEN '使用后注射部位红肿，已就医' ELSE '使用后面部出现红斑、瘙痒' END,
                $1::date - (b.id % 40)::int,
                (ARRAY['reported', 'assessing', 'closed'])[1 + b.id % 3],
                CASE WHEN b.id % 3 = 2 THEN '评价为可能相关，已上报省监测中心' END
           FROM cd_businesses b ORDER BY b.id LIMIT 12 RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [today],
    );
    return { businesses: Number(b?.n ?? 0), events: Number(e?.n ?? 0) };
  });
}
