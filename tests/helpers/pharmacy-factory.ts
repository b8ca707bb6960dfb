import type { TPharmacy } from '../../src/contracts/pharmacies.ts';
import type { Queryable } from '../../src/db/client.ts';
import { makeUscc } from '../../src/domain/uscc.ts';
import type { ApiClient } from './test-app.ts';

let seq = 0;

/**
 * An active registry entity at a station (by code), ready to be registered as a pharmacy through the API;
 * `regionCode` places it in a township (key-drug sale counts are per township).
 */
export async function makePharmacyEntity(q: Queryable, p: { station?: string; name: string; regionCode?: string }) {
  seq++;
  const uscc = makeUscc(
    '91',
    '440605',
    `Y${String(process.pid % 1000).padStart(3, '0')}${String(seq).padStart(4, '0')}`,
  );
  const [e] = await q.query<{ id: number }>(
    `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on, address, region_code)
     SELECT $1, 'enterprise', $2, ''::tsvector, id, '2019-01-01', '佛山市禅城区示范路1号', $4 FROM org_units WHERE code = $3
     RETURNING id`,
    [uscc, p.name, p.station ?? 's01', p.regionCode ?? null],
  );
  return e!.id;
}

/** A unique 药品经营许可证 number for tests. */
export const testLicenceNo = () =>
  `粤CB0605${String(process.pid % 1000).padStart(3, '0')}${String(++seq).padStart(4, '0')}`;

/** Registers the entity as a retail pharmacy through the API (open around the clock), as `client` (drug:write). */
export async function registerPharmacy(client: ApiClient, entityId: number): Promise<TPharmacy> {
  const res = await client.post<TPharmacy>('/api/v1/pharmacies', {
    entityId,
    licenceNo: testLicenceNo(),
    licenceIssuedOn: '2024-03-01',
    latitude: 23.0215,
    longitude: 113.1214,
    opensMinute: 0,
    closesMinute: 1440,
  });
  if (res.status !== 200)
    throw new Error(`registering pharmacy ${entityId}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
