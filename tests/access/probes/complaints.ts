import type { Db } from '../../../src/db/client.ts';
import { ruleSetFor } from '../../../src/domain/complaint-rules.ts';
import type { AccessProbe } from '../probe.ts';
import { insertOne, seedEach, status } from '../probe-helpers.ts';

/**
 * Probes of the 12315 kinds (src/modules/complaints/access.ts): items, their attachments, consumer alerts. Rows are
 * seeded with SQL, each owner's item handled and registered by them; every operation then goes through the HTTP API
 * as the caller.
 */

let seededDb: Db | undefined;
async function one<T>(sql: string, params: unknown[]): Promise<T> {
  if (!seededDb) throw new Error('seed first');
  const [row] = await seededDb.query<T>(sql, params);
  if (!row) throw new Error(`no row: ${sql}`);
  return row;
}

/**
 * An item at `unitId` that `owner` handles and registered. A day no demo or other test uses, so the month's figures
 * (the count) are the seeded items' alone; a business name the queue's search finds (the list).
 */
const ITEM_DAY = '2020-02-17';
const ITEM_MONTH = ITEM_DAY.slice(0, 7);
let items = 0;
function insertItem(db: Db, owner: number, unitId: number, businessName: string): Promise<string> {
  items++;
  const code = `MX${String(process.pid).padStart(8, '0')}${String(items).padStart(6, '0')}`;
  return insertOne(
    db,
    `INSERT INTO complaints (tracking_code, kind, channel, rule_set_code, received_on, station_id, handler_id,
       person_name, person_phone, business_name, description, created_by)
     VALUES ($1, 'complaint', 'phone', $2, $3, $4, $5, '矩阵', '13900000000', $6, '矩阵探针事项', $5) RETURNING id`,
    [code, ruleSetFor(ITEM_DAY).code, ITEM_DAY, unitId, owner, businessName],
  );
}

// --- complaint ---------------------------------------------------------------------------------------------------

const ITEM_BUSINESS = '矩阵探针经营者甲';

const complaint: AccessProbe = {
  kind: 'complaint',
  tables: ['complaints'],
  async seed(ctx, owners, outsider) {
    seededDb = ctx.db;
    const rows = await seedEach(ctx, owners, outsider, (owner, unitId) =>
      insertItem(ctx.db, owner, unitId, ITEM_BUSINESS),
    );
    // The figures are monthly rollups (a job rebuilds them every ten minutes); the matrix cannot wait.
    await ctx.app.services.complaintAnalysis.rebuildStats();
    return rows;
  },
  ops: {
    list: async (c) => {
      const res = await c.get<{ items?: { id: number }[] }>(
        `/api/v1/complaints?q=${encodeURIComponent(ITEM_BUSINESS)}&limit=200`,
      );
      return { status: res.status, ids: res.body?.items?.map((i) => String(i.id)) };
    },
    // The queue is keyset-paged without a total; what the 12315 module counts is its figures (统计分析).
    count: async (c) => {
      const res = await c.get<{ totals?: { received: number } }>(
        `/api/v1/complaints/analysis?from=${ITEM_MONTH}&to=${ITEM_MONTH}&by=kind`,
      );
      return { status: res.status, total: res.body?.totals?.received };
    },
    get: async (c, { id }) => status(await c.get(`/api/v1/complaints/${id}`)),
    // 转办 to the same handler: a recorded, repeatable step that changes nothing about whose the item is.
    write: async (c, { id }) => {
      const row = await one<{ version: number; handlerId: number }>(
        'SELECT version, handler_id AS "handlerId" FROM complaints WHERE id = $1',
        [id],
      );
      const body = { handlerId: Number(row.handlerId), reason: '矩阵写入', version: row.version };
      return status(await c.post(`/api/v1/complaints/${id}/reassign`, body));
    },
  },
  notOffered: {
    export: 'the 12315 queue has no export',
    download: 'an item’s files are the complaint-attachment kind',
  },
};

// --- complaint-attachment ----------------------------------------------------------------------------------------

const pdf = '%PDF-1.7 access matrix probe attachment\n';
const BOUNDARY = 'matrixprobeboundary';
const multipartPdf = [
  `--${BOUNDARY}`,
  'Content-Disposition: form-data; name="file"; filename="matrix.pdf"',
  'Content-Type: application/pdf',
  '',
  pdf,
  `--${BOUNDARY}--`,
  '',
].join('\r\n');

/** Row ids are `<item id>/<file id>`, as the download route spells them. */
const split = (id: string) => id.split('/') as [string, string];

const attachment: AccessProbe = {
  kind: 'complaint-attachment',
  tables: ['complaints'],
  async seed(ctx, owners, outsider) {
    seededDb = ctx.db;
    const { createHash } = await import('node:crypto');
    const bytes = Buffer.from(pdf);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await ctx.db.query(
      'INSERT INTO file_blobs (sha256, size_bytes, data) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING',
      [sha256, bytes.length, bytes],
    );
    return seedEach(ctx, owners, outsider, async (owner, unitId) => {
      const itemId = await insertItem(ctx.db, owner, unitId, '矩阵探针经营者乙');
      const fileId = await insertOne(
        ctx.db,
        `INSERT INTO stored_files (sha256, filename, mime_type, size_bytes, purpose, owner_unit_id, created_by)
         VALUES ($1, 'matrix.pdf', 'application/pdf', $2, 'complaint-attachment', $3, $4) RETURNING id`,
        [sha256, bytes.length, unitId, owner],
      );
      await ctx.db.query('INSERT INTO complaint_attachments (complaint_id, file_id, added_by) VALUES ($1, $2, $3)', [
        itemId,
        fileId,
        owner,
      ]);
      return `${itemId}/${fileId}`;
    });
  },
  ops: {
    // Its metadata is in the item's detail.
    get: async (c, { id }) => {
      const [itemId, fileId] = split(id);
      const res = await c.get<{ attachments?: { id: number }[] }>(`/api/v1/complaints/${itemId}`);
      if (res.status !== 200) return status(res);
      return { status: res.body?.attachments?.some((a) => String(a.id) === fileId) ? 200 : 404 };
    },
    download: async (c, { id }) => {
      const [itemId, fileId] = split(id);
      return status(await c.get(`/api/v1/complaints/${itemId}/attachments/${fileId}`));
    },
    // One more piece of evidence on the item (as a handler adds a photo).
    write: async (c, { id }) => {
      const [itemId] = split(id);
      return status(
        await c.request('POST', `/api/v1/complaints/${itemId}/attachments`, multipartPdf, {
          'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
        }),
      );
    },
  },
  notOffered: {
    list: 'an item’s files are listed in its detail (get), never across items',
    count: 'no count of files',
    export: 'no export of files',
  },
};

// --- complaint-alert ---------------------------------------------------------------------------------------------

let alerts = 0;
const alert: AccessProbe = {
  kind: 'complaint-alert',
  tables: ['complaint_alerts'],
  noOwnRows: 'a consumer alert is drafted by the daily detection job for a station, never a user’s own',
  async seed(ctx, owners, outsider) {
    return seedEach(ctx, owners, outsider, (_owner, unitId) => {
      alerts++;
      return insertOne(
        ctx.db,
        `INSERT INTO complaint_alerts (scope, scope_key, scope_name, window_start, window_end, observed, expected,
           title, draft_text, station_id)
         VALUES ('entity', $1, '矩阵探针经营者', '2020-02-11', '2020-02-17', 9, 1, '矩阵预警', '草稿', $2) RETURNING id`,
        [`mx-${process.pid}-${alerts}`, unitId],
      );
    });
  },
  ops: {
    list: async (c) => {
      const res = await c.get<{ id: number }[]>('/api/v1/complaints/alerts');
      return { status: res.status, ids: Array.isArray(res.body) ? res.body.map((a) => String(a.id)) : undefined };
    },
  },
  notOffered: {
    get: 'alerts are read in their list only (the latest 100)',
    count: 'the alert list has no total',
    export: 'no export of alerts',
    download: 'an alert has no file',
    write: 'alerts are drafted by the detection job; the API changes none',
  },
};

export const probes: AccessProbe[] = [complaint, attachment, alert];
