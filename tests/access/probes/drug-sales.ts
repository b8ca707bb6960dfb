import { makeUscc } from '../../../src/domain/uscc.ts';
import type { ApiClient } from '../../helpers/test-app.ts';
import type { AccessProbe, MatrixContext, Outcome, SeededRows } from '../probe.ts';

/**
 * 重点药品购药登记 (src/modules/drug-sales/access.ts): drug-sale, and drug-sale-personal (the buyer in clear, with
 * drug:personal). Registrations are seeded by SQL in a class of their own (so the list can be filtered to them), the
 * buyer encrypted with the app's own cipher (the clear answer decrypts it); reading goes through the HTTP API.
 */
let sequence = 0;
const CLASS = '矩阵类';

async function insertSale(ctx: MatrixContext, stationId: number, createdBy: number): Promise<string> {
  sequence++;
  const subject = `Y${String(process.pid % 100).padStart(2, '0')}${String(sequence).padStart(5, '0')}`;
  const [e] = await ctx.db.query<{ id: number }>(
    `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on)
     VALUES ($1, 'enterprise', $2, ''::tsvector, $3, '2020-01-01') RETURNING id`,
    [makeUscc('91', '440605', subject), `矩阵药房${sequence}`, stationId],
  );
  const pii = ctx.app.services.pii;
  const [row] = await ctx.db.query<{ id: number }>(
    `INSERT INTO drug_sale_registrations (entity_id, station_id, sold_on, drug_name, drug_class, buyer_name_cipher,
       buyer_name_masked, id_cipher, id_hash, id_masked, phone_cipher, phone_masked, channel, created_by)
     VALUES ($1, $2, current_date, '矩阵药', $3, $4, '*', $5, $6, '*', $7, '*', 'staff', $8) RETURNING id`,
    [
      e!.id,
      stationId,
      CLASS,
      pii.encrypt('矩阵购药人'),
      pii.encrypt('440605198001011234'),
      `h${sequence}`,
      pii.encrypt('13800138000'),
      createdBy,
    ],
  );
  return String(row!.id);
}

async function seed(ctx: MatrixContext, owners: readonly number[], outsider: number): Promise<SeededRows> {
  const ownRows = new Map<number, string>();
  for (const owner of owners) ownRows.set(owner, await insertSale(ctx, ctx.stationA.id, owner));
  return { ownRows, stationBRow: await insertSale(ctx, ctx.stationB.id, outsider) };
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
  {
    kind: 'drug-sale-personal',
    tables: ['drug_sale_registrations'],
    seed,
    ops: {
      get: async (caller, { id }) => ({ status: (await caller.get(`/api/v1/drugs/sales/${id}/personal`)).status }),
    },
    notOffered: {
      list: 'the buyer in clear is read one registration at a time (each read audited), never as a list',
      count: 'no count of clear reads: the drug-sale kind counts the registrations',
      export: 'personal data leaves only one record at a time through the audited /personal answer',
      download: 'a registration has no file',
      write: 'the buyer in clear is never changed through the API (the kind has no write permission)',
    },
  },
];
