import type { Queryable } from '../../src/db/client.ts';
import { makeUscc } from '../../src/domain/uscc.ts';

let seq = 0;

/**
 * An entity at s01 with a food business and an operation licence issued on `issuedOn` (5 years), by SQL. `tag` (one
 * letter, as USCC subject codes allow) keeps numbers apart between test files running at once.
 */
export async function makeLicensedFoodBusiness(
  q: Queryable,
  p: { tag: string; name: string; issuedOn?: string; categories?: string[] },
): Promise<{ id: number; entityId: number }> {
  seq++;
  const pid = process.pid;
  const uscc = makeUscc(
    '92',
    '440605',
    `${p.tag}${String(pid % 1000).padStart(3, '0')}${String(seq).padStart(4, '0')}`,
  );
  const [e] = await q.query<{ id: number; stationId: number }>(
    `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on)
     SELECT $1, 'individualBusiness', $2, ''::tsvector, id, '2019-01-01' FROM org_units WHERE code = 's01'
     RETURNING id, station_id AS "stationId"`,
    [uscc, p.name],
  );
  const [b] = await q.query<{ id: number }>(
    'INSERT INTO food_businesses (entity_id, station_id) VALUES ($1, $2) RETURNING id',
    [e!.id, e!.stationId],
  );
  await q.query(
    `INSERT INTO food_licences (business_id, kind, licence_no, categories, issued_on, valid_until, renewal_due_on)
     VALUES ($1, 'operation', $2, $3, $4, ($4::date + 1825), ($4::date + 1800))`,
    [
      b!.id,
      `JY1440605${String(pid % 100000).padStart(5, '0')}${p.tag}${seq}`,
      p.categories ?? ['hotFood'],
      p.issuedOn ?? '2020-01-01',
    ],
  );
  return { id: b!.id, entityId: e!.id };
}
