import type { Db } from '../../../src/db/client.ts';
import { insertCase } from '../../helpers/case-factories.ts';
import type { ApiClient } from '../../helpers/test-app.ts';
import type { AccessProbe, Outcome } from '../probe.ts';
import { insertOne, seedEach, status } from '../probe-helpers.ts';

/**
 * The cases module's kinds (src/modules/cases/access.ts). Rows are seeded straight into the tables; every operation
 * goes through the HTTP API as the caller.
 */

let seededDb: Db | undefined;
const db = (): Db => {
  if (!seededDb) throw new Error('case probes: seed first');
  return seededDb;
};
const CASE_TAG = '矩阵案件探针';

async function versionOf(table: string, id: string): Promise<number> {
  const [row] = await db().query<{ version: number }>(`SELECT version FROM ${table} WHERE id = $1`, [id]);
  return row?.version ?? 1;
}

let disclosureSequence = 0;

/** A decided case at the station and its pending disclosure (行政处罚信息公示); returns the disclosure's id. */
async function insertDisclosure(q: Db, stationId: number, createdBy: number): Promise<string> {
  disclosureSequence++;
  const decisionNo = `矩阵处罚〔2026〕${process.pid % 1000}${String(disclosureSequence).padStart(4, '0')}号`;
  const caseId = await insertCase(q, {
    stationId,
    status: 'decided',
    createdBy,
    extra: { decision_kind: 'penalty', decision_no: decisionNo, decided_on: '2026-11-02' },
  });
  return insertOne(
    q,
    `INSERT INTO case_disclosures (case_id, station_id, status, due_on, decision_no, party_name, violation, basis,
       content, authority, decided_on, search_text)
     VALUES ($1, $2, 'pending', '2026-11-30', $3, '矩阵测试商行', '测试违法行为', '测试依据', '罚款人民币1,000.00元',
             '测试市场监督管理局', '2026-11-02', '矩阵测试商行') RETURNING id`,
    [caseId, stationId, decisionNo],
  );
}

async function listed(caller: ApiClient, path: string, ids: readonly string[]): Promise<Outcome> {
  const res = await caller.get<{ items: { id: number }[] }>(path);
  if (res.status !== 200) return { status: res.status };
  const wanted = new Set(ids);
  return { status: 200, ids: res.body.items.map((r) => String(r.id)).filter((id) => wanted.has(id)) };
}

const disclosureProbe: AccessProbe = {
  kind: 'case-disclosure',
  tables: ['case_disclosures'],
  seed: (ctx, owners, outsider) => {
    seededDb = ctx.db;
    return seedEach(ctx, owners, outsider, (owner, unitId) => insertDisclosure(ctx.db, unitId, owner));
  },
  ops: {
    list: (caller, { ids }) => listed(caller, '/api/v1/case-disclosures?limit=200&status=pending', ids),
    get: async (caller, { id }) => status(await caller.get(`/api/v1/case-disclosures/${id}`)),
    // 公示, then back to pending (test set-up, not a workflow step) so the next caller meets the same row.
    write: async (caller, { id }) => {
      const [row] = await db().query<{ version: number }>('SELECT version FROM case_disclosures WHERE id = $1', [id]);
      const res = await caller.post(`/api/v1/case-disclosures/${id}/publish`, { version: row?.version ?? 1 });
      await db().query(
        `UPDATE case_disclosures SET status = 'pending', published_on = NULL, display_until = NULL,
                earliest_removal_on = NULL WHERE id = $1`,
        [id],
      );
      return status(res);
    },
  },
  notOffered: {
    count: 'keyset pages without a total',
    export: 'the register has no export',
    download: 'a disclosure has no file; the decision document is the case documents kind',
  },
  noOwnRows:
    'a disclosure is nobody’s own: it belongs to the case’s station, and the case officers take part in it ' +
    '(participant), which the seeded rows do not have',
};

const caseProbe: AccessProbe = {
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
    download: "a case's documents and evidence files are served through their own routes",
  },
};

/** 案件线索: a write the caller may repeat is the clock paused and resumed on the same day (no working day excluded). */
let leadSequence = 0;
const leadProbe: AccessProbe = {
  kind: 'case-lead',
  tables: ['case_leads'],
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
};

export const probes: AccessProbe[] = [caseProbe, disclosureProbe, leadProbe];
