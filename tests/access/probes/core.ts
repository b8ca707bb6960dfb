import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { Db } from '../../../src/db/client.ts';
import { bigramTsvector } from '../../../src/domain/bigrams.ts';
import { appendAudit } from '../../../src/platform/audit.ts';
import type { AccessProbe, MatrixContext, Outcome } from '../probe.ts';
import { insertOne, seedEach, status } from '../probe-helpers.ts';

/**
 * Probes of the core kinds (entities, files, audit, org, jobs). Rows are seeded with SQL, each owner's row carrying
 * their id in the column that makes it theirs; every operation then goes through the HTTP API as the caller.
 */

type Page = { items?: { id: number }[]; total?: number };

const page = (res: { status: number; body: unknown }): Outcome => {
  const body = res.body as Page | undefined;
  return { status: res.status, ids: body?.items?.map((i) => String(i.id)), total: body?.total };
};

// --- entity ------------------------------------------------------------------------------------------------------

/** A founding date no demo or other probe uses: the list and export filter on it. */
const ENTITY_DAY = '1901-01-01';
const entityFilter = `establishedFrom=${ENTITY_DAY}&establishedTo=${ENTITY_DAY}`;
const usccToId = new Map<string, string>();
let entityEdits = 0;

const entity: AccessProbe = {
  kind: 'entity',
  tables: ['entities'],
  async seed(ctx, owners, outsider) {
    remember(ctx);
    let n = 0;
    return seedEach(ctx, owners, outsider, async (owner, unitId) => {
      n++;
      const uscc = `MX${String(process.pid).padStart(8, '0')}${String(n).padStart(8, '0')}`;
      const name = `矩阵探针主体${n}号`;
      const id = await insertOne(
        ctx.db,
        `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on, created_by)
         VALUES ($1, 'enterprise', $2, $3::tsvector, $4, $5, $6) RETURNING id`,
        [uscc, name, bigramTsvector(name), unitId, ENTITY_DAY, owner],
      );
      usccToId.set(uscc, id);
      return id;
    });
  },
  ops: {
    list: async (c) => page(await c.get(`/api/v1/entities?${entityFilter}&limit=200`)),
    count: async (c) => page(await c.get(`/api/v1/entities?${entityFilter}&limit=1`)),
    get: async (c, { id }) => status(await c.get(`/api/v1/entities/${id}`)),
    export: async (c) => {
      const res = await c.get(`/api/v1/entities/export?${entityFilter}&format=csv`);
      if (res.status !== 200) return status(res);
      const [header, ...rows] = parse(String(res.body).replace(/^\uFEFF/, '')) as string[][];
      const col = header?.indexOf('统一社会信用代码') ?? -1;
      return { status: res.status, ids: rows.map((r) => usccToId.get(r[col] ?? '') ?? `uscc:${r[col]}`) };
    },
    write: async (c, { id }) => {
      const version = await versionOf('entities', id);
      return status(await c.patch(`/api/v1/entities/${id}`, { version, businessScope: `矩阵写入${++entityEdits}` }));
    },
  },
  notOffered: { download: 'an entity has no file of its own; attachments are the file kind' },
};

/** The row's current version, read with SQL: a write needs it and the caller may not be allowed to read. */
let seededDb: Db | undefined;
async function versionOf(table: 'entities' | 'users' | 'org_units', id: string): Promise<number> {
  if (!seededDb) throw new Error('seed first');
  const [row] = await seededDb.query<{ version: number }>(`SELECT version FROM ${table} WHERE id = $1`, [id]);
  if (!row) throw new Error(`no ${table} row ${id}`);
  return row.version;
}
const remember = (ctx: MatrixContext) => {
  seededDb = ctx.db;
};

// --- file --------------------------------------------------------------------------------------------------------

const fileBytes = Buffer.from('access matrix probe file\n');
const fileSha = createHash('sha256').update(fileBytes).digest('hex');

const file: AccessProbe = {
  kind: 'file',
  tables: ['stored_files'],
  // The seeded files are complaint attachments: opening one needs complaint:read (the purpose decides).
  readPermission: 'complaint:read',
  writePermission: null,
  async seed(ctx, owners, outsider) {
    await ctx.db.query(
      'INSERT INTO file_blobs (sha256, size_bytes, data) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING',
      [fileSha, fileBytes.length, fileBytes],
    );
    return seedEach(ctx, owners, outsider, (owner, unitId) =>
      insertOne(
        ctx.db,
        `INSERT INTO stored_files (sha256, filename, mime_type, size_bytes, purpose, owner_unit_id, created_by)
         VALUES ($1, 'matrix.txt', 'text/plain', $2, 'complaint-attachment', $3, $4) RETURNING id`,
        [fileSha, fileBytes.length, unitId, owner],
      ),
    );
  },
  ops: {
    get: async (c, { id }) => status(await c.get(`/api/v1/files/${id}/meta`)),
    download: async (c, { id }) => status(await c.get(`/api/v1/files/${id}`)),
  },
  notOffered: {
    list: 'files are listed through the record they belong to (a complaint, a visit, a listing)',
    count: 'no file list, so no total',
    export: 'no file list to export',
    write: 'stored files are immutable; they are replaced through their record',
  },
};

// --- audit-entry -------------------------------------------------------------------------------------------------

const AUDIT_ACTION = 'mx.matrix-probe';

const auditEntry: AccessProbe = {
  kind: 'audit-entry',
  tables: ['audit_log'],
  async seed(ctx, owners, outsider) {
    remember(ctx);
    const write = async (owner: number, unitId: number) => {
      await ctx.db.transaction((tx) =>
        appendAudit(
          tx,
          { userId: owner, displayName: `mx${owner}`, unitId, ip: null },
          {
            action: AUDIT_ACTION,
            targetType: 'matrix',
            targetId: owner,
          },
        ),
      );
      const [row] = await ctx.db.query<{ id: number }>(
        'SELECT max(id) AS id FROM audit_log WHERE action = $1 AND actor_id = $2',
        [AUDIT_ACTION, owner],
      );
      return String(row?.id);
    };
    return seedEach(ctx, owners, outsider, write);
  },
  ops: {
    list: async (c) => page(await c.get(`/api/v1/audit?action=${AUDIT_ACTION}&limit=200`)),
  },
  notOffered: {
    get: 'the audit log is read as a list; no single-entry route',
    count: 'the audit list has no total (keyset pages)',
    export: 'no audit export',
    download: 'audit entries carry no file',
    write: 'the audit log is append-only',
  },
};

// --- login-entry -------------------------------------------------------------------------------------------------

const LOGIN_PREFIX = 'mx.login-probe.';

const loginEntry: AccessProbe = {
  kind: 'login-entry',
  tables: ['login_log'],
  async seed(ctx, owners, outsider) {
    return seedEach(ctx, owners, outsider, (owner, unitId) =>
      insertOne(
        ctx.db,
        `INSERT INTO login_log (username, user_id, unit_id, result) VALUES ($1, $2, $3, 'bad_password') RETURNING id`,
        [`${LOGIN_PREFIX}${owner}`, owner, unitId],
      ),
    );
  },
  ops: {
    list: async (c) => page(await c.get(`/api/v1/audit/logins?username=${LOGIN_PREFIX}&limit=200`)),
  },
  notOffered: {
    get: 'the login log is read as a list; no single-entry route',
    count: 'the login list has no total (keyset pages)',
    export: 'no login-log export',
    download: 'login entries carry no file',
    write: 'the login log is written by sign-in only',
  },
};

// --- org-unit ----------------------------------------------------------------------------------------------------

const orgUnit: AccessProbe = {
  kind: 'org-unit',
  tables: ['org_units'],
  noOwnRows: 'units belong to no user',
  unscopedReads:
    'the whole tree is read by every holder of org:unit:read (every unit picker needs it); scope governs writes',
  async seed(ctx, owners) {
    remember(ctx);
    // The stations themselves: a new unit would lie outside the scopes the callers resolved when they signed in.
    return {
      ownRows: new Map(owners.map((o) => [o, String(ctx.stationA.id)])),
      stationBRow: String(ctx.stationB.id),
    };
  },
  ops: {
    list: async (c) => {
      const res = await c.get<{ id: number }[]>('/api/v1/org/units');
      return { status: res.status, ids: Array.isArray(res.body) ? res.body.map((u) => String(u.id)) : undefined };
    },
    write: async (c, { id }) => {
      const version = await versionOf('org_units', id);
      const [unit] = await seededDb!.query<{ s: number }>('SELECT sort_order AS s FROM org_units WHERE id = $1', [id]);
      return status(await c.patch(`/api/v1/org/units/${id}`, { version, sortOrder: unit?.s }));
    },
  },
  notOffered: {
    get: 'units are read as the tree (list); no single-unit route',
    count: 'the unit tree has no total',
    export: 'no unit export',
    download: 'units carry no file',
  },
};

// --- user --------------------------------------------------------------------------------------------------------

const user: AccessProbe = {
  kind: 'user',
  tables: ['users'],
  async seed(ctx, owners, outsider) {
    remember(ctx);
    // A user's own row is their account: the owners are the rows.
    return { ownRows: new Map(owners.map((o) => [o, String(o)])), stationBRow: String(outsider) };
  },
  ops: {
    list: async (c) => page(await c.get('/api/v1/org/users?limit=200')),
    get: async (c, { id }) => status(await c.get(`/api/v1/org/users/${id}`)),
    write: async (c, { id }) => {
      const version = await versionOf('users', id);
      return status(await c.patch(`/api/v1/org/users/${id}`, { version, phone: null }));
    },
  },
  notOffered: {
    count: 'the user list has no total (keyset pages)',
    export: 'no user export',
    download: 'users carry no file',
  },
};

// --- job ---------------------------------------------------------------------------------------------------------

const JOB_KIND = 'mx.matrix-probe';

const job: AccessProbe = {
  kind: 'job',
  tables: ['jobs'],
  ownRowWithoutPermission: 'whoever started a job follows its progress without jobs:read',
  async seed(ctx, owners, outsider) {
    return seedEach(ctx, owners, outsider, (owner, unitId) =>
      insertOne(
        ctx.db,
        `INSERT INTO jobs (kind, status, created_by, unit_id, finished_at)
         VALUES ($1, 'succeeded', $2, $3, now()) RETURNING id`,
        [JOB_KIND, owner, unitId],
      ),
    );
  },
  ops: {
    list: async (c) => page(await c.get(`/api/v1/jobs?kind=${JOB_KIND}&limit=200`)),
    get: async (c, { id }) => status(await c.get(`/api/v1/jobs/${id}`)),
  },
  notOffered: {
    count: 'the job list has no total (keyset pages)',
    export: 'no job export',
    download: 'results are downloaded through the module that made them (entity import errors, exports)',
    write: 'jobs are written by the runner, not through the API',
  },
};

export const probes: AccessProbe[] = [entity, file, auditEntry, loginEntry, orgUnit, user, job];
