import type { Db } from '../../../src/db/client.ts';
import { insertCase } from '../../helpers/case-factories.ts';
import type { ApiClient } from '../../helpers/test-app.ts';
import type { AccessProbe, Outcome } from '../probe.ts';
import { seedEach, status } from '../probe-helpers.ts';

/**
 * The cases module's kinds (src/modules/cases/access.ts): case (H2), case-lead (H1), case-disclosure (H4) — each
 * helper adds its own probe to this array. Rows are seeded with SQL; every operation goes through the HTTP API.
 */

const CASE_TAG = '矩阵案件探针';
let seededDb: Db | undefined;
const db = (): Db => {
  if (!seededDb) throw new Error('case probes: seed first');
  return seededDb;
};

async function versionOf(table: string, id: string): Promise<number> {
  const [row] = await db().query<{ version: number }>(`SELECT version FROM ${table} WHERE id = $1`, [id]);
  return row?.version ?? 1;
}

/** A list restricted to the seeded ids (the newest rows come first; 200 is the page maximum). */
async function listed(caller: ApiClient, path: string, ids: readonly string[]): Promise<Outcome> {
  const res = await caller.get<{ items: { id: number }[] }>(path);
  if (res.status !== 200) return { status: res.status };
  const wanted = new Set(ids);
  return { status: 200, ids: res.body.items.map((r) => String(r.id)).filter((id) => wanted.has(id)) };
}

export const probes: AccessProbe[] = [
  {
    kind: 'case',
    tables: ['cases'],
    // A case in 告知 (陈述申辩期): recording a statement is a repeatable write that changes no status.
    seed: (ctx, owners, outsider) => {
      seededDb = ctx.db;
      return seedEach(ctx, owners, outsider, async (owner, unitId) =>
        String(
          await insertCase(ctx.db, {
            stationId: unitId,
            status: 'notified',
            createdBy: owner,
            partyName: `${CASE_TAG}${owner}号商行`,
          }),
        ),
      );
    },
    ops: {
      list: (caller, { ids }) => listed(caller, `/api/v1/cases?limit=200&q=${encodeURIComponent(CASE_TAG)}`, ids),
      get: async (caller, { id }) => status(await caller.get(`/api/v1/cases/${id}`)),
      write: async (caller, { id }) =>
        status(
          await caller.post(`/api/v1/cases/${id}/transitions`, {
            action: 'recordStatement',
            note: '矩阵测试陈述申辩',
            version: await versionOf('cases', id),
          }),
        ),
    },
    notOffered: {
      count: 'keyset pages without a total',
      export: 'the case list has no export',
      download: "a case's documents and evidence files are served through their own routes (H3, H7)",
    },
  },
];
