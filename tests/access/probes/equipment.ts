import ExcelJS from 'exceljs';
import { makeEquipment } from '../../helpers/equipment-factory.ts';
import type { ApiClient } from '../../helpers/test-app.ts';
import { InjectClient } from '../inject-client.ts';
import type { AccessProbe, MatrixContext, Outcome, SeededRows } from '../probe.ts';
import { status } from '../probe-helpers.ts';

/**
 * The equipment module's kind (src/modules/equipment/access.ts): equipment, whose inspections and 维保 records follow
 * it. Lifts are seeded with the factory (created_by is the owner); every operation goes through the HTTP API.
 */
const TAG = 'M';
const codeToId = new Map<string, string>();
let day = 0;

async function insert(ctx: MatrixContext, stationCode: string, owner: number): Promise<string> {
  const eq = await makeEquipment(ctx.db, { tag: TAG, station: stationCode });
  await ctx.db.query(`UPDATE equipment SET created_by = $2 WHERE id = $1;`, [eq.id, owner]);
  await ctx.db.query(`UPDATE entities SET name = '设备矩阵探针' || id WHERE id = $1`, [eq.entityId]);
  codeToId.set(eq.equipmentCode, String(eq.id));
  return String(eq.id);
}

async function seed(ctx: MatrixContext, owners: readonly number[], outsider: number): Promise<SeededRows> {
  const ownRows = new Map<number, string>();
  for (const owner of owners) ownRows.set(owner, await insert(ctx, ctx.stationA.code, owner));
  return { ownRows, stationBRow: await insert(ctx, ctx.stationB.code, outsider) };
}

const query = `q=${encodeURIComponent('设备矩阵探针')}`;

async function listed(caller: ApiClient, ids: readonly string[]): Promise<Outcome> {
  const res = await caller.get<{ items: { id: number }[] }>(`/api/v1/equipment?limit=200&${query}`);
  if (res.status !== 200) return { status: res.status };
  const wanted = new Set(ids);
  return { status: 200, ids: res.body.items.map((r) => String(r.id)).filter((id) => wanted.has(id)) };
}

async function exported(caller: ApiClient, ids: readonly string[]): Promise<Outcome> {
  const url = `/api/v1/equipment/export?${query}`;
  let bytes: Buffer;
  if (caller instanceof InjectClient) {
    const res = await caller.server.inject({ method: 'GET', url, headers: { cookie: caller.cookie } });
    if (res.statusCode !== 200) return { status: res.statusCode };
    bytes = res.rawPayload;
  } else {
    const res = await fetch(`${caller.baseUrl}${url}`, { headers: { cookie: caller.cookie } });
    if (res.status !== 200) return { status: res.status };
    bytes = Buffer.from(await res.arrayBuffer());
  }
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const codes: string[] = [];
  book.worksheets[0]!.eachRow((row, n) => {
    if (n > 1) codes.push(String(row.getCell(1).value));
  });
  const wanted = new Set(ids);
  return { status: 200, ids: codes.map((c) => codeToId.get(c) ?? `code:${c}`).filter((id) => wanted.has(id)) };
}

export const probes: AccessProbe[] = [
  {
    kind: 'equipment',
    tables: ['equipment'],
    seed,
    ops: {
      list: (caller, { ids }) => listed(caller, ids),
      export: (caller, { ids }) => exported(caller, ids),
      get: async (caller, { id }) => status(await caller.get(`/api/v1/equipment/${id}`)),
      write: async (caller, { id }) => {
        day = (day + 1) % 28;
        const maintainedOn = `2026-01-${String(day + 1).padStart(2, '0')}`;
        return status(await caller.post(`/api/v1/equipment/${id}/maintenance`, { maintainedOn, note: '矩阵写入' }));
      },
    },
    notOffered: {
      count: 'keyset pages without a total',
      download: 'a piece of equipment has no file of its own',
    },
  },
];
