import type { Db } from '../../../src/db/client.ts';
import { makeUscc } from '../../../src/domain/uscc.ts';
import type { ApiClient } from '../../helpers/test-app.ts';
import type { AccessProbe, MatrixContext, Outcome, SeededRows } from '../probe.ts';

/** 两品一械 (src/modules/cosmetics-devices/access.ts): cd-business, seeded by SQL; read through the HTTP API. */
let sequence = 0;

async function insertBusiness(q: Db, stationId: number, createdBy: number): Promise<string> {
  sequence++;
  const subject = `X${String(process.pid % 100).padStart(2, '0')}${String(sequence).padStart(5, '0')}`;
  const [e] = await q.query<{ id: number }>(
    `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on)
     VALUES ($1, 'enterprise', $2, ''::tsvector, $3, '2020-01-01') RETURNING id`,
    [makeUscc('91', '440605', subject), `矩阵器械店${sequence}`, stationId],
  );
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO cd_businesses (entity_id, station_id, category, licence_kind, licence_no, created_by)
     VALUES ($1, $2, 'device', 'licence', $3, $4) RETURNING id`,
    [e!.id, stationId, `矩阵${process.pid}-${sequence}`, createdBy],
  );
  return String(row!.id);
}

async function seed(ctx: MatrixContext, owners: readonly number[], outsider: number): Promise<SeededRows> {
  const ownRows = new Map<number, string>();
  for (const owner of owners) ownRows.set(owner, await insertBusiness(ctx.db, ctx.stationA.id, owner));
  return { ownRows, stationBRow: await insertBusiness(ctx.db, ctx.stationB.id, outsider) };
}

async function listed(caller: ApiClient, ids: readonly string[]): Promise<Outcome> {
  const res = await caller.get<{ items: { id: number }[] }>('/api/v1/drugs/cd-businesses?limit=200');
  if (res.status !== 200) return { status: res.status };
  const wanted = new Set(ids);
  return { status: 200, ids: res.body.items.map((r) => String(r.id)).filter((id) => wanted.has(id)) };
}

export const probes: AccessProbe[] = [
  {
    kind: 'cd-business',
    tables: ['cd_businesses'],
    seed,
    ops: {
      list: (caller, { ids }) => listed(caller, ids),
      get: async (caller, { id }) => ({ status: (await caller.get(`/api/v1/drugs/cd-businesses/${id}`)).status }),
      write: async (caller, { id }) => ({
        status: (
          await caller.post('/api/v1/drugs/adverse-events', {
            businessId: Number(id),
            productName: '矩阵产品',
            registrationNo: '国械注准20163461234',
            severity: 'general',
            description: '矩阵测试不良事件',
            occurredOn: '2026-01-01',
          })
        ).status,
      }),
    },
    notOffered: {
      count: 'keyset pages without a total',
      export: 'no export yet',
      download: 'a business has no file of its own',
    },
  },
];
