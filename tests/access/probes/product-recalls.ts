import type { Db } from '../../../src/db/client.ts';
import { makeUscc } from '../../../src/domain/uscc.ts';
import type { ApiClient } from '../../helpers/test-app.ts';
import type { AccessProbe, MatrixContext, Outcome } from '../probe.ts';
import { insertOne, seedEach, status } from '../probe-helpers.ts';

/**
 * The product-recalls module's kinds (src/modules/product-recalls/access.ts): product-recall (pr.station_id, own
 * when recorded by the caller) and product-alert-match (pam.station_id, own when decided by the caller).
 */
let sequence = 0;
const TAG = '召回矩阵';

async function insertEntity(db: Db, stationId: number): Promise<string> {
  sequence++;
  const subject = `R${String(process.pid % 100).padStart(2, '0')}${String(sequence).padStart(5, '0')}`;
  return insertOne(
    db,
    `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on)
     VALUES ($1, 'enterprise', $2, ''::tsvector, $3, '2020-01-01') RETURNING id`,
    [makeUscc('91', '440605', subject), `${TAG}${sequence}号电器厂`, stationId],
  );
}

async function insertRecall(db: Db, stationId: number, owner: number): Promise<string> {
  const entity = await insertEntity(db, stationId);
  return insertOne(
    db,
    `INSERT INTO product_recalls (entity_id, station_id, product_name, batches, defect, quantity, plan, plan_filed_on,
       status, created_by) VALUES ($1, $2, $3, 'B1', '过热', 1000000, '召回计划', '2026-09-01', 'planned', $4) RETURNING id`,
    [entity, stationId, `${TAG}电暖器`, owner],
  );
}

async function insertMatch(db: Db, stationId: number, owner: number): Promise<string> {
  const entity = await insertEntity(db, stationId);
  const batch = await insertOne(
    db,
    `INSERT INTO product_alert_batches (filename, alert_count, imported_by) VALUES ('矩阵.csv', 1, $1) RETURNING id`,
    [owner],
  );
  const alert = await insertOne(
    db,
    `INSERT INTO product_alerts (batch_id, row_no, source_ref, source, published_on, product_name, risk, producer_name)
     VALUES ($1, 2, 'A-1', 'SAMR', '2026-09-01', $2, '触电', $3) RETURNING id`,
    [batch, `${TAG}插座`, TAG],
  );
  return insertOne(
    db,
    `INSERT INTO product_alert_matches (alert_id, entity_id, station_id, role, matched_by, due_on, decided_by)
     VALUES ($1, $2, $3, 'producer', 'name', '2026-09-06', $4) RETURNING id`,
    [alert, entity, stationId, owner],
  );
}

async function listed(caller: ApiClient, path: string, ids: readonly string[]): Promise<Outcome> {
  const res = await caller.get<{ items: { id: number }[] }>(path);
  if (res.status !== 200) return { status: res.status };
  const wanted = new Set(ids);
  return { status: 200, ids: res.body.items.map((r) => String(r.id)).filter((id) => wanted.has(id)) };
}

export const probes: AccessProbe[] = [
  {
    kind: 'product-recall',
    tables: ['product_recalls'],
    seed: (ctx: MatrixContext, owners, outsider) =>
      seedEach(ctx, owners, outsider, (owner, unitId) => insertRecall(ctx.db, unitId, owner)),
    ops: {
      list: (caller, { ids }) => listed(caller, `/api/v1/product/recalls?limit=200&q=${encodeURIComponent(TAG)}`, ids),
      get: async (caller, { id }) => status(await caller.get(`/api/v1/product/recalls/${id}`)),
      write: async (caller, { id }) => {
        const current = await caller.get<{ version: number }>(`/api/v1/product/recalls/${id}`);
        const version = current.status === 200 ? current.body.version : 1;
        return status(
          await caller.post(`/api/v1/product/recalls/${id}/reports`, {
            version,
            reportedOn: '2026-09-02',
            quantityRecovered: 1,
          }),
        );
      },
    },
    notOffered: {
      count: 'keyset pages without a total',
      export: 'no export of recalls yet',
      download: 'report attachments go through the files module (purpose product-recall-report)',
    },
  },
  {
    kind: 'product-alert-match',
    tables: ['product_alert_matches'],
    seed: (ctx: MatrixContext, owners, outsider) =>
      seedEach(ctx, owners, outsider, (owner, unitId) => insertMatch(ctx.db, unitId, owner)),
    ops: {
      list: (caller, { ids }) => listed(caller, '/api/v1/product/alerts/matches?limit=200', ids),
      get: async (caller, { id }) => status(await caller.get(`/api/v1/product/alerts/matches/${id}`)),
      write: async (caller, { id }) =>
        status(await caller.patch(`/api/v1/product/alerts/matches/${id}`, { note: '核实中' })),
    },
    notOffered: {
      count: 'keyset pages without a total',
      export: 'no export of matches',
      download: 'a match has no file',
    },
  },
];
