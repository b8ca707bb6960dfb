import type { Db } from '../../../src/db/client.ts';
import { bigramTsvector } from '../../../src/domain/bigrams.ts';
import { makeUscc } from '../../../src/domain/uscc.ts';
import type { ApiClient } from '../../helpers/test-app.ts';
import type { AccessProbe, MatrixContext, Outcome, SeededRows } from '../probe.ts';

/**
 * The pharmacies module's kind (src/modules/pharmacies/access.ts): pharmacy, whose pharmacists, shifts, attendance
 * days and GSP inspections follow it. Rows are seeded by SQL; every operation goes through the HTTP API.
 */
let sequence = 0;
let writes = 0;
const TAG = '药店矩阵';

async function insertPharmacy(q: Db, stationId: number, createdBy: number): Promise<number> {
  sequence++;
  const subject = `P${String(process.pid % 100).padStart(2, '0')}${String(sequence).padStart(5, '0')}`;
  const name = `${TAG}${sequence}号大药房`;
  const [entity] = await q.query<{ id: number }>(
    `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on, created_by)
     VALUES ($1, 'enterprise', $2, $5::tsvector, $3, '2020-01-01', $4) RETURNING id`,
    [makeUscc('91', '440605', subject), name, stationId, createdBy, bigramTsvector(name)],
  );
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO pharmacies (entity_id, station_id, licence_no, licence_issued_on, licence_valid_until, latitude,
       longitude, created_by)
     VALUES ($1, $2, $3, '2023-01-01', '2027-12-31', 23.02, 113.12, $4) RETURNING id`,
    [
      entity!.id,
      stationId,
      `粤CB0605${String(process.pid % 1000).padStart(3, '0')}${String(sequence).padStart(4, '0')}`,
      createdBy,
    ],
  );
  return row!.id;
}

async function seed(ctx: MatrixContext, owners: readonly number[], outsider: number): Promise<SeededRows> {
  const ownRows = new Map<number, string>();
  for (const owner of owners) ownRows.set(owner, String(await insertPharmacy(ctx.db, ctx.stationA.id, owner)));
  return { ownRows, stationBRow: String(await insertPharmacy(ctx.db, ctx.stationB.id, outsider)) };
}

async function listed(caller: ApiClient, ids: readonly string[]): Promise<Outcome> {
  const res = await caller.get<{ items: { id: number }[] }>(
    `/api/v1/pharmacies?limit=200&q=${encodeURIComponent(TAG)}`,
  );
  if (res.status !== 200) return { status: res.status };
  const wanted = new Set(ids);
  return { status: 200, ids: res.body.items.map((r) => String(r.id)).filter((id) => wanted.has(id)) };
}

export const probes: AccessProbe[] = [
  {
    kind: 'pharmacy',
    tables: ['pharmacies'],
    seed,
    ops: {
      list: (caller, { ids }) => listed(caller, ids),
      get: async (caller, { id }) => ({ status: (await caller.get(`/api/v1/pharmacies/${id}`)).status }),
      write: async (caller, { id }) => {
        writes++;
        return {
          status: (
            await caller.post(`/api/v1/pharmacies/${id}/pharmacists`, {
              name: '矩阵药师',
              registrationNo: `MX${String(process.pid % 10000).padStart(4, '0')}${String(writes).padStart(6, '0')}`,
            })
          ).status,
        };
      },
    },
    notOffered: {
      count: 'keyset pages without a total',
      export: 'the export streams the list query (same readableWhere); covered by the module test',
      download: 'a pharmacy has no file of its own',
    },
  },
];
