import type { Db } from '../../../src/db/client.ts';
import { makeUscc } from '../../../src/domain/uscc.ts';
import type { ApiClient } from '../../helpers/test-app.ts';
import type { AccessProbe, MatrixContext, Outcome, SeededRows } from '../probe.ts';

/**
 * 重点药品购药登记 (src/modules/drug-sales/access.ts): drug-sale. Registrations are seeded by SQL in a class of their
 * own (so the list can be filtered to them); reading goes through the HTTP API as the caller.
 */
let sequence = 0;
const CLASS = '矩阵类';

async function insertSale(q: Db, stationId: number, createdBy: number): Promise<string> {
  sequence++;
  const subject = `Y${String(process.pid % 100).padStart(2, '0')}${String(sequence).padStart(5, '0')}`;
  const [e] = await q.query<{ id: number }>(
    `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on)
     VALUES ($1, 'enterprise', $2, ''::tsvector, $3, '2020-01-01') RETURNING id`,
    [makeUscc('91', '440605', subject), `矩阵药房${sequence}`, stationId],
  );
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO drug_sale_registrations (entity_id, station_id, sold_on, drug_name, drug_class, buyer_name_cipher,
       buyer_name_masked, id_cipher, id_hash, id_masked, phone_cipher, phone_masked, channel, created_by)
     VALUES ($1, $2, current_date, '矩阵药', $3, 'x', '*', 'x', $4, '*', 'x', '*', 'staff', $5) RETURNING id`,
    [e!.id, stationId, CLASS, `h${sequence}`, createdBy],
  );
  return String(row!.id);
}

async function seed(ctx: MatrixContext, owners: readonly number[], outsider: number): Promise<SeededRows> {
  const ownRows = new Map<number, string>();
  for (const owner of owners) ownRows.set(owner, await insertSale(ctx.db, ctx.stationA.id, owner));
  return { ownRows, stationBRow: await insertSale(ctx.db, ctx.stationB.id, outsider) };
}

async function listed(caller: ApiClient, ids: readonly string[]): Promise<Outcome> {
  const res = await caller.get<{ items: { id: number }[] }>(
    `/api/v1/drugs/sales?limit=200&drugClass=${encodeURIComponent(CLASS)}`,
  );
  if (res.status !== 200) return { status: res.status };
  const wanted = new Set(ids);
  return { status: 200, ids: res.body.items.map((r) => String(r.id)).filter((id) => wanted.has(id)) };
}

export const probes: AccessProbe[] = [
  {
    kind: 'drug-sale',
    tables: ['drug_sale_registrations'],
    seed,
    ops: {
      list: (caller, { ids }) => listed(caller, ids),
      get: async (caller, { id }) => ({ status: (await caller.get(`/api/v1/drugs/sales/${id}`)).status }),
    },
    notOffered: {
      count: 'keyset pages without a total',
      export: 'no export: personal data leaves only one record at a time through the audited /personal answer',
      download: 'a registration has no file',
      write:
        'a registration is never changed once made (the retention purge deletes it); covered by drug-sales.api.test.ts',
    },
  },
];
