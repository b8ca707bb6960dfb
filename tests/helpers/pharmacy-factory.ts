import type { Queryable } from '../../src/db/client.ts';
import { makeUscc } from '../../src/domain/uscc.ts';

let seq = 0;

/** An active registry entity at a station (by code), ready to be registered as a pharmacy through the API. */
export async function makePharmacyEntity(q: Queryable, p: { station?: string; name: string }) {
  seq++;
  const uscc = makeUscc(
    '91',
    '440605',
    `Y${String(process.pid % 1000).padStart(3, '0')}${String(seq).padStart(4, '0')}`,
  );
  const [e] = await q.query<{ id: number }>(
    `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on, address)
     SELECT $1, 'enterprise', $2, ''::tsvector, id, '2019-01-01', '佛山市禅城区示范路1号' FROM org_units WHERE code = $3
     RETURNING id`,
    [uscc, p.name, p.station ?? 's01'],
  );
  return e!.id;
}

/** A unique 药品经营许可证 number for tests. */
export const testLicenceNo = () =>
  `粤CB0605${String(process.pid % 1000).padStart(3, '0')}${String(++seq).padStart(4, '0')}`;
