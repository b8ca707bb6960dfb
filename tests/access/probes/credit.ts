import type { Db } from '../../../src/db/client.ts';
import { makeUscc } from '../../../src/domain/uscc.ts';
import type { ApiClient } from '../../helpers/test-app.ts';
import type { AccessProbe, MatrixContext, Outcome, SeededRows } from '../probe.ts';

/**
 * The credit module's kinds (src/modules/credit/access.ts): credit-batch, credit-listing, credit-repair.
 * Rows are seeded straight into the tables; every operation goes through the HTTP API as the caller.
 * A write is made repeatable by putting the row back into the status it started from (test set-up, not a workflow
 * step), so each caller meets the same row.
 */

let sequence = 0;
let seededDb: Db | undefined;
const db = (): Db => {
  if (!seededDb) throw new Error('credit probes: seed first');
  return seededDb;
};

async function insertEntity(q: Db, stationId: number, createdBy: number): Promise<number> {
  sequence++;
  const subject = `C${String(process.pid % 100).padStart(2, '0')}${String(sequence).padStart(5, '0')}`;
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on, created_by)
     VALUES ($1, 'enterprise', $2, ''::tsvector, $3, '2020-01-01', $4) RETURNING id`,
    [makeUscc('91', '440605', subject), `信用矩阵测试${sequence}号商行`, stationId, createdBy],
  );
  return row!.id;
}

async function insertBatch(q: Db, unitId: number, proposedBy: number): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO credit_listing_batches (list, ground, report_year, owner_unit_id, status, proposed_by, item_count)
     VALUES ('abnormal', 'annualReportMissing', 2020, $1, 'proposed', $2, 1) RETURNING id`,
    [unitId, proposedBy],
  );
  return row!.id;
}

/** A listing of one new entity, in a batch `proposedBy` proposed; `listed` ones carry a decision. */
async function insertListing(
  q: Db,
  stationId: number,
  proposedBy: number,
  status: 'proposed' | 'listed',
): Promise<{ listingId: number; entityId: number }> {
  const entityId = await insertEntity(q, stationId, proposedBy);
  const batchId = await insertBatch(q, stationId, proposedBy);
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO credit_listings (entity_id, station_id, list, ground, report_year, batch_id, status, listed_on, decision_no)
     VALUES ($1, $2, 'abnormal', 'annualReportMissing', 2020, $3, $4,
             CASE WHEN $4 = 'listed' THEN DATE '2024-07-01' END, CASE WHEN $4 = 'listed' THEN '矩阵异〔2024〕1号' END)
     RETURNING id`,
    [entityId, stationId, batchId, status],
  );
  return { listingId: row!.id, entityId };
}

async function insertRepair(q: Db, stationId: number, createdBy: number): Promise<number> {
  const { listingId, entityId } = await insertListing(q, stationId, createdBy, 'listed');
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO credit_repairs (entity_id, listing_id, station_id, status, applicant_name, application_text, applied_on,
       created_by) VALUES ($1, $2, $3, 'applied', '矩阵申请人', '矩阵测试申请', CURRENT_DATE, $4) RETURNING id`,
    [entityId, listingId, stationId, createdBy],
  );
  return row!.id;
}

/** One row per owner at station A, the outsider's at station B; `make` inserts one and returns its id. */
async function seedRows(
  ctx: MatrixContext,
  owners: readonly number[],
  outsider: number,
  make: (q: Db, stationId: number, userId: number) => Promise<number>,
): Promise<SeededRows> {
  seededDb = ctx.db;
  const ownRows = new Map<number, string>();
  for (const owner of owners) ownRows.set(owner, String(await make(ctx.db, ctx.stationA.id, owner)));
  return { ownRows, stationBRow: String(await make(ctx.db, ctx.stationB.id, outsider)) };
}

/** A keyset list restricted to the seeded ids (the newest rows come first; 200 is the page maximum). */
async function listed(caller: ApiClient, path: string, ids: readonly string[]): Promise<Outcome> {
  const res = await caller.get<{ items: { id: number }[] }>(path);
  if (res.status !== 200) return { status: res.status };
  const wanted = new Set(ids);
  return { status: 200, ids: res.body.items.map((r) => String(r.id)).filter((id) => wanted.has(id)) };
}

async function versionOf(table: string, id: string): Promise<number> {
  const [row] = await db().query<{ version: number }>(`SELECT version FROM ${table} WHERE id = $1`, [id]);
  return row?.version ?? 1;
}

const noCount = 'keyset pages without a total';
const noExport = 'the credit module has no export';

export const probes: AccessProbe[] = [
  {
    kind: 'credit-batch',
    tables: ['credit_listing_batches'],
    seed: (ctx, owners, outsider) => seedRows(ctx, owners, outsider, (q, unit, user) => insertBatch(q, unit, user)),
    ops: {
      list: (caller, { ids }) => listed(caller, '/api/v1/credit/batches?limit=200&status=proposed', ids),
      get: async (caller, { id }) => ({ status: (await caller.get(`/api/v1/credit/batches/${id}`)).status }),
      write: async (caller, { id }) => {
        const res = await caller.post(`/api/v1/credit/batches/${id}/discard`, {
          reason: '矩阵测试不予列入',
          version: await versionOf('credit_listing_batches', id),
        });
        await db().query(`UPDATE credit_listing_batches SET status = 'proposed' WHERE id = $1`, [id]);
        return { status: res.status };
      },
    },
    notOffered: {
      count: noCount,
      export: noExport,
      download: "the decision document is a stored file: the files module's kind",
    },
  },
  {
    kind: 'credit-listing',
    tables: ['credit_listings'],
    seed: (ctx, owners, outsider) =>
      seedRows(
        ctx,
        owners,
        outsider,
        async (q, unit, user) => (await insertListing(q, unit, user, 'proposed')).listingId,
      ),
    ops: {
      list: (caller, { ids }) => listed(caller, '/api/v1/credit/listings?limit=200&status=proposed', ids),
      write: async (caller, { id }) => {
        const res = await caller.post(`/api/v1/credit/listings/${id}/discard`, {
          reason: '矩阵测试剔除',
          version: await versionOf('credit_listings', id),
        });
        await db().query(`UPDATE credit_listings SET status = 'proposed' WHERE id = $1`, [id]);
        return { status: res.status };
      },
    },
    notOffered: {
      get: "no single-listing endpoint; an entity's credit page shows its listings under the entity kind",
      count: noCount,
      export: noExport,
      download: 'a listing has no file of its own',
    },
  },
  {
    kind: 'credit-repair',
    tables: ['credit_repairs'],
    seed: (ctx, owners, outsider) => seedRows(ctx, owners, outsider, insertRepair),
    ops: {
      list: (caller, { ids }) => listed(caller, '/api/v1/credit/repairs?limit=200&status=applied', ids),
      get: async (caller, { id }) => ({ status: (await caller.get(`/api/v1/credit/repairs/${id}`)).status }),
      write: async (caller, { id }) => {
        const res = await caller.post(`/api/v1/credit/repairs/${id}/review`, {
          opinion: '矩阵测试审查意见',
          version: await versionOf('credit_repairs', id),
        });
        await db().query(`UPDATE credit_repairs SET status = 'applied' WHERE id = $1`, [id]);
        return { status: res.status };
      },
    },
    notOffered: {
      count: noCount,
      export: noExport,
      download: "the decision document is a stored file: the files module's kind",
    },
  },
];
