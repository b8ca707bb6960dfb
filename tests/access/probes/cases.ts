import type { Db } from '../../../src/db/client.ts';
import { insertCase } from '../../helpers/case-factories.ts';
import type { ApiClient } from '../../helpers/test-app.ts';
import type { AccessProbe, Outcome } from '../probe.ts';
import { insertOne, seedEach, status } from '../probe-helpers.ts';

/**
 * The cases module's kinds (src/modules/cases/access.ts): case (H2), case-lead (H1), case-disclosure (H4) — each
 * helper adds its own probe to this array. Rows are seeded with SQL; every operation goes through the HTTP API.
 */

const CASE_TAG = '矩阵案件探针';
let leadSequence = 0;
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
  {
    kind: 'case-lead',
    tables: ['case_leads'],
    // A write the caller may repeat: the clock paused and resumed on the same day (no working day excluded).
    seed: (ctx, owners, outsider) => {
      seededDb = ctx.db;
      return seedEach(ctx, owners, outsider, (owner, unitId) =>
        insertOne(
          ctx.db,
          `INSERT INTO case_leads (source_type, source_ref, station_id, summary, received_on, created_by)
           VALUES ('staff', $1, $2, '矩阵线索探针', CURRENT_DATE, $3) RETURNING id`,
          [`MATRIX-${owner}-${unitId}-${Date.now()}-${++leadSequence}`, unitId, owner],
        ),
      );
    },
    ops: {
      list: (caller, { ids }) => listed(caller, '/api/v1/case-leads?limit=200', ids),
      get: async (caller, { id }) => status(await caller.get(`/api/v1/case-leads/${id}`)),
      write: async (caller, { id }) => {
        const path = `/api/v1/case-leads/${id}/transitions`;
        const pause = { action: 'pauseClock', pauseReason: 'testing', version: await versionOf('case_leads', id) };
        const res = await caller.post(path, pause);
        if (res.status === 200)
          await caller.post(path, { action: 'resumeClock', version: await versionOf('case_leads', id) });
        return status(res);
      },
    },
    notOffered: {
      count: 'keyset pages without a total',
      export: 'the lead list has no export',
      download: 'a lead has no files of its own (its source keeps them)',
    },
  },
];
