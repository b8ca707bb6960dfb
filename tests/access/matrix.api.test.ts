import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DataScope, Permission } from '../../src/contracts/permissions.ts';
import { dataScopes } from '../../src/contracts/permissions.ts';
import { builtinRoles } from '../../src/modules/org/builtin-roles.ts';
import { type Operation, operations, type ResourceKind, registeredResources } from '../../src/platform/access.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { type InjectClient, injectLogin } from './inject-client.ts';
import type { AccessProbe, MatrixContext, Outcome } from './probe.ts';

/**
 * The access matrix: every built-in role × every data scope × every registered resource kind × every operation the
 * API offers, through the real HTTP routes, against an oracle written here (not src/platform/access.ts):
 * - without the kind's read permission (write permission for a write): 403;
 * - scope `all`: every seeded row; `unit_and_below`: the rows at station A (where every caller works);
 *   `self`: only the caller's own row;
 * - get/download/write of a row out of scope: 404; in scope: 2xx; list/export: exactly the rows in scope (among the
 *   seeded ones); count: their number.
 * It also fails when a registered kind has no probe, a probe names no registered kind, or a table with an
 * owning-unit column belongs to no registered kind and is not excluded below with a reason.
 */

/** Tables whose owning-unit column is deliberately not a resource kind of its own, each with the reason. */
const excludedUnitColumns: Record<string, string> = {
  'equipment_directive_counters.station_id': 'the 指令书 number counter per station and year, never read by users',
  'org_units.parent_id': 'the unit tree itself: the org-unit kind is keyed by the unit id, parent_id is its shape',
  'login_log.unit_id':
    'sign-in security log for holders of audit:login:read, not a business record (issue 10 names no kind)',
  'complaint_monthly_stats.station_id': 'monthly rollup per station, served through aggregateReach, never row by row',
  'case_monthly_stats.station_id':
    'monthly case rollup per station, served by scope (repos/stats.ts), never row by row',
  'spot_check_items.department_id': 'catalogue reference data: the department answering for an item, not an owner',
  'cases.department_id':
    'the department handling a case (办案机构), a grouping key of the statistics; the case belongs to the station ' +
    'with jurisdiction (case kind, c.station_id)',
  'case_documents.unit_id':
    'the bureau a numbered document is issued in the name of; a document is exactly as readable as its case or ' +
    'lead (case / case-lead kinds), never by this column',
  'case_document_counters.unit_id': 'document number counters per bureau, kind and year; never served',
  'food_inspections.station_id':
    'a copy of the business station for the planned-list and 红黑榜 indexes; an inspection is exactly as readable as ' +
    'its business (food-business kind, fb.station_id), never by this column',
  'drug_sale_daily.station_id':
    'daily key-drug sale counts per station (重点药品购药登记), served through unitsInReach, never row by row',
  'screen_figures.unit_id':
    'the 智慧大脑 rollup per station (0: the district), aggregates served whole to screen:read holders whose scope ' +
    'covers the unit (assertScreenReadable), never row by row',
};

/**
 * Whether a SQL alias plausibly names a table: the table itself, or the initials of its last words
 * (e → entities, ep → spot_check_entity_pools, v → spot_check_visits).
 */
function aliasFits(alias: string, table: string): boolean {
  if (alias === table) return true;
  const words = table.split('_');
  return words.some(
    (_, i) =>
      words
        .slice(i)
        .map((w) => w[0])
        .join('') === alias,
  );
}

/** Columns naming an owning unit; foreign keys to org_units are added from the catalogue. */
const unitColumnName = /(^|_)(station|unit)_id$/;

const STATION_A = 's01';
const STATION_B = 's02';
/** Reads of one kind run for this many callers at once; writes go one at a time (they bump row versions). */
const READ_CONCURRENCY = 6;

interface Caller {
  label: string;
  userId: number;
  scope: DataScope;
  permissions: ReadonlySet<Permission>;
  client: InjectClient;
}

interface SeededRow {
  id: string;
  owner: number;
  atA: boolean;
  label: string;
}

interface LoadedProbe {
  file: string;
  probe: AccessProbe;
}

const probesDir = fileURLToPath(new URL('./probes/', import.meta.url));

async function loadProbes(): Promise<LoadedProbe[]> {
  const files = readdirSync(probesDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort();
  const loaded: LoadedProbe[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(`${probesDir}${file}`).href)) as { probes?: AccessProbe[] };
    assert.ok(Array.isArray(mod.probes), `tests/access/probes/${file} must export probes: AccessProbe[]`);
    for (const probe of mod.probes) loaded.push({ file, probe });
  }
  return loaded;
}

/** Runs `fn` over `items`, at most `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

// ---------------------------------------------------------------------------------------------------------------
// The oracle

type Expectation = { status: 403 } | { status: 404 } | { status: '2xx'; ids?: string[]; total?: number };

function neededPermission(probe: AccessProbe, kind: ResourceKind, op: Operation): Permission | null {
  if (op === 'write') return probe.writePermission !== undefined ? probe.writePermission : kind.write;
  return probe.readPermission ?? kind.read;
}

/** Whether the caller's scope reaches a seeded row. Every caller works at station A; B is not below A. */
function reaches(caller: Caller, probe: AccessProbe, row: SeededRow): boolean {
  switch (caller.scope) {
    case 'all':
      return true;
    case 'unit_and_below':
      return row.atA;
    case 'self':
      return !probe.noOwnRows && row.owner === caller.userId;
  }
}

function oracle(
  caller: Caller,
  probe: AccessProbe,
  kind: ResourceKind,
  op: Operation,
  rows: readonly SeededRow[],
): Expectation {
  if (probe.recipientOnly) {
    const own = rows.filter((r) => r.owner === caller.userId).map((r) => r.id);
    if (op === 'list' || op === 'export') return { status: '2xx', ids: own };
    if (op === 'count') return { status: '2xx', total: own.length };
    return own.length ? { status: '2xx' } : { status: 404 };
  }
  const permission = neededPermission(probe, kind, op);
  const single = op === 'get' || op === 'download';
  const lacks = !permission || !caller.permissions.has(permission);
  if (lacks && !(single && probe.ownRowWithoutPermission)) return { status: 403 };
  // The route is open to everyone for their own rows, so without the permission another's row is not found.
  if (lacks) return rows.every((r) => r.owner === caller.userId) ? { status: '2xx' } : { status: 404 };
  const whole = probe.unscopedReads && op !== 'write';
  const visible = [...new Set(rows.filter((r) => whole || reaches(caller, probe, r)).map((r) => r.id))].sort();
  if (op === 'list' || op === 'export') return { status: '2xx', ids: visible };
  if (op === 'count') return { status: '2xx', total: visible.length };
  if (visible.length) return { status: '2xx' };
  // 404 hides a row's existence; a row every reader sees (unscopedReads) is refused with 403 instead.
  return probe.unscopedReads && rows.some((r) => !reaches(caller, probe, r)) ? { status: 403 } : { status: 404 };
}

function compare(want: Expectation, got: Outcome, seeded: ReadonlySet<string>): string | null {
  const ok2xx = got.status >= 200 && got.status < 300;
  if (want.status === '2xx') {
    if (!ok2xx) return `expected 2xx, got ${got.status}`;
    if (want.ids) {
      if (!got.ids) return 'the probe returned no ids';
      const ids = [...new Set(got.ids.filter((id) => seeded.has(id)))].sort();
      if (ids.join() !== want.ids.join()) return `expected ids [${want.ids}], got [${ids}]`;
    }
    if (want.total !== undefined && got.total !== want.total)
      return `expected total ${want.total}, got ${got.total ?? 'none'}`;
    return null;
  }
  return got.status === want.status ? null : `expected ${want.status}, got ${got.status}`;
}

// ---------------------------------------------------------------------------------------------------------------

const started = Date.now();
let app: TestApp;
let ctx: MatrixContext;
let callers: Caller[] = [];
let bystander: number;
let outsider: number;
let loaded: LoadedProbe[] = [];
let registered = new Map<string, ResourceKind>();
const clients: InjectClient[] = [];
const report = new Map<string, { probe: AccessProbe; seconds: number }>();
let checks = 0;
let setupSeconds = 0;
let appSeconds = 0;

async function one<T>(db: MatrixContext['db'], sql: string, params: unknown[]): Promise<T> {
  const [row] = await db.query<T>(sql, params);
  if (!row) throw new Error(`no row: ${sql}`);
  return row;
}

/** A role copy with the built-in's permissions and the given scope, and a user at the unit holding it. */
async function makeUser(
  db: MatrixContext['db'],
  opts: { username: string; unitId: number; roleCode: string; permissions: readonly string[]; scope: DataScope },
): Promise<number> {
  const role = await one<{ id: number }>(
    db,
    `INSERT INTO roles (code, name, permissions, data_scope) VALUES ($1, $1, $2, $3) RETURNING id`,
    [opts.roleCode, opts.permissions, opts.scope],
  );
  const user = await one<{ id: number }>(
    db,
    `INSERT INTO users (username, display_name, unit_id, password_hash)
     SELECT $1, $1, $2, password_hash FROM users WHERE username = 'admin' RETURNING id`,
    [opts.username, opts.unitId],
  );
  await db.query('INSERT INTO user_roles (user_id, role_id) VALUES ($1, $2)', [user.id, role.id]);
  return Number(user.id);
}

before(async () => {
  app = await startTestApp();
  appSeconds = (Date.now() - started) / 1000;
  const db = app.testDb.db;
  registered = new Map(registeredResources().map((k) => [k.name, k]));
  loaded = await loadProbes();
  const station = (code: string) =>
    one<{ id: number; code: string }>(db, 'SELECT id, code FROM org_units WHERE code = $1', [code]).then((r) => ({
      id: Number(r.id),
      code: r.code,
    }));
  const [stationA, stationB] = [await station(STATION_A), await station(STATION_B)];

  const specs = builtinRoles.flatMap((role) =>
    (Object.keys(dataScopes) as DataScope[]).map((scope) => ({ role, scope })),
  );
  const made: Omit<Caller, 'client'>[] = [];
  for (const { role, scope } of specs) {
    const label = `${role.code}/${scope}`;
    const userId = await makeUser(db, {
      username: `mx.${role.code}.${scope}`,
      unitId: stationA.id,
      roleCode: `mx_${role.code}_${scope}`,
      permissions: role.permissions,
      scope,
    });
    made.push({ label, userId, scope, permissions: new Set(role.permissions) });
  }
  // A colleague at A and the outsider at B hold no permission: their rows are targets, never callers.
  bystander = await makeUser(db, {
    username: 'mx.bystander',
    unitId: stationA.id,
    roleCode: 'mx_none_a',
    permissions: [],
    scope: 'self',
  });
  outsider = await makeUser(db, {
    username: 'mx.outsider',
    unitId: stationB.id,
    roleCode: 'mx_none_b',
    permissions: [],
    scope: 'self',
  });

  const admin = await injectLogin(app.server, 'admin', '10.9.0.1');
  clients.push(admin);
  callers = await Promise.all(
    made.map(async (c, i) => {
      const client = await injectLogin(app.server, `mx.${c.label.replace('/', '.')}`, `10.9.1.${i + 1}`);
      clients.push(client);
      return { ...c, client };
    }),
  );
  ctx = { app, db, stationA, stationB, admin };
  setupSeconds = (Date.now() - started) / 1000;
});

after(async () => {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const calls = clients.reduce((n, c) => n + c.calls, 0);
  const cells = [...report.values()]
    .filter(({ probe }) => registered.has(probe.kind))
    .reduce((n, { probe }) => n + callers.length * operations.filter((op) => probe.ops[op]).length, 0);
  const lines = [`  ${'kind'.padEnd(22)}${operations.map((op) => op.padEnd(9)).join('')}seconds`];
  for (const [kind, { probe, seconds: kindSeconds }] of report) {
    const cells = operations.map((op) => (probe.ops[op] ? 'yes' : 'no').padEnd(9));
    lines.push(`  ${kind.padEnd(22)}${cells.join('')}${kindSeconds.toFixed(1)}`);
    const absent = operations.filter((op) => !probe.ops[op]);
    if (absent.length)
      lines.push(
        `      not offered: ${absent.map((op) => `${op} (${probe.notOffered[op] ?? 'NO REASON'})`).join('; ')}`,
      );
    if (probe.noOwnRows) lines.push(`      no own rows: ${probe.noOwnRows}`);
    if (probe.unscopedReads) lines.push(`      reads ignore the scope: ${probe.unscopedReads}`);
    if (probe.ownRowWithoutPermission) lines.push(`      own row without permission: ${probe.ownRowWithoutPermission}`);
    if (probe.recipientOnly) lines.push(`      the recipient's alone: ${probe.recipientOnly}`);
    if (!registered.has(kind)) lines.push('      NOT REGISTERED: not run');
  }
  console.log(
    [
      `access matrix: ${callers.length} callers × ${report.size} kinds × their offered operations = ${cells} cells, ` +
        `${checks} checks, ${calls} HTTP calls, ` +
        `${seconds} s (app ${appSeconds.toFixed(1)} s, callers ${(setupSeconds - appSeconds).toFixed(1)} s)`,
      ...lines,
    ].join('\n'),
  );
  await app?.close();
});

describe('access matrix', () => {
  test('every registered resource kind has exactly one probe, and every probe a registered kind', () => {
    const byKind = new Map<string, string[]>();
    for (const { file, probe } of loaded) byKind.set(probe.kind, [...(byKind.get(probe.kind) ?? []), file]);
    const missing = [...registered.keys()].filter((k) => !byKind.has(k));
    const unknown = [...byKind.keys()].filter((k) => !registered.has(k)).map((k) => `${k} (${byKind.get(k)})`);
    const doubled = [...byKind.entries()].filter(([, files]) => files.length > 1).map(([k, f]) => `${k} (${f})`);
    assert.deepEqual(
      { missing, unknown, doubled },
      { missing: [], unknown: [], doubled: [] },
      'missing: registered kinds without a probe in tests/access/probes; unknown: probes of kinds no module ' +
        'registers with defineResource; doubled: kinds with more than one probe',
    );
  });

  test('every table with an owning-unit column is served by a registered kind or excluded with a reason', async () => {
    const db = app.testDb.db;
    const columns = await db.query<{ t: string; c: string; fk: boolean }>(
      `SELECT t.relname AS t, a.attname AS c,
              EXISTS (SELECT 1 FROM pg_constraint k
                       WHERE k.contype = 'f' AND k.conrelid = t.oid AND a.attnum = ANY (k.conkey)
                         AND k.confrelid = 'org_units'::regclass) AS fk
         FROM pg_class t JOIN pg_attribute a ON a.attrelid = t.oid
        WHERE t.relkind IN ('r', 'p') AND NOT t.relispartition AND a.attnum > 0 AND NOT a.attisdropped
          AND t.relnamespace = current_schema()::regnamespace
        ORDER BY 1, 2`,
      [],
    );
    const unitColumns = columns.filter((r) => r.fk || unitColumnName.test(r.c)).map((r) => `${r.t}.${r.c}`);
    const tablesWith = (column: string) => new Set(columns.filter((r) => r.c === column).map((r) => r.t));
    const covered = new Map<string, string>();
    const unresolved: string[] = [];
    for (const kind of registered.values()) {
      // A recipient kind's rows have no owning unit (its unitColumn is never consulted).
      if (kind.recipient) continue;
      const declared = loaded.find((l) => l.probe.kind === kind.name)?.probe.tables;
      // Every column the expression names: 'e.station_id', 'coalesce(p.station_id, p.department_id)', 'unit_id'.
      const refs = [...kind.unitColumn.matchAll(/(?:\b([a-z_][a-z0-9_]*)\.)?\b([a-z_][a-z0-9_]*)\b(?!\s*\()/gi)]
        .map((m) => ({ qualifier: m[1], column: m[2] as string }))
        .filter((r) => columns.some((c) => c.c === r.column));
      if (!refs.length) unresolved.push(`${kind.name}: ${kind.unitColumn} names no column of any table`);
      for (const { qualifier, column } of refs) {
        const candidates = [...tablesWith(column)].filter((t) =>
          declared ? declared.includes(t) : !qualifier || aliasFits(qualifier, t),
        );
        if (candidates.length === 1 || (declared && candidates.length))
          for (const t of candidates) covered.set(`${t}.${column}`, kind.name);
        else
          unresolved.push(
            `${kind.name}: ${kind.unitColumn} fits [${candidates}]; name the table in its probe's tables`,
          );
      }
    }
    const uncovered = unitColumns.filter((c) => !covered.has(c) && !(c in excludedUnitColumns));
    const stale = Object.keys(excludedUnitColumns).filter((c) => !unitColumns.includes(c));
    assert.deepEqual(
      { uncovered, stale, unresolved },
      { uncovered: [], stale: [], unresolved: [] },
      'uncovered: tables with an owning-unit column that no registered kind serves (register the kind with ' +
        'defineResource and write its probe, name the table in the probe`s tables when the unitColumn uses an ' +
        'alias, or add it to excludedUnitColumns with the reason); stale: exclusions naming no such column; ' +
        'unresolved: registered kinds whose table the matrix cannot tell from the unitColumn',
    );
  });

  describe('each probe, each caller, each operation', () => {
    // Probes are loaded in before(), so their subtests are made while this test runs.
    test('answers as the policy says', async (t) => {
      for (const { file, probe } of loaded) {
        await t.test(`${probe.kind} (${file})`, async (st) => {
          const kind = registered.get(probe.kind);
          const probeStarted = Date.now();
          const entry = { probe, seconds: 0 };
          report.set(probe.kind, entry);
          const reasonless = operations.filter((op) => !probe.ops[op] && !probe.notOffered[op]);
          assert.deepEqual(reasonless, [], `${probe.kind}: operations neither offered nor given a reason`);
          if (!kind) {
            st.skip(`kind ${probe.kind} is not registered (see the first test)`);
            return;
          }
          const owners = [...callers.map((c) => c.userId), bystander];
          const seeded = await probe.seed(ctx, owners, outsider);
          const rows: SeededRow[] = [
            ...owners.map((owner) => {
              const id = seeded.ownRows.get(owner);
              assert.ok(id, `${probe.kind}: seed gave no row for owner ${owner}`);
              const who = callers.find((c) => c.userId === owner)?.label ?? 'bystander';
              return { id, owner, atA: true, label: `${who}'s row at A` };
            }),
            { id: seeded.stationBRow, owner: outsider, atA: false, label: 'the outsider`s row at B' },
          ];
          const seededIds = new Set(rows.map((r) => r.id));
          const byst = rows.find((r) => r.owner === bystander) as SeededRow;
          const atB = rows.at(-1) as SeededRow;
          const failures: string[] = [];

          const run = async (caller: Caller, op: Operation) => {
            const fn = probe.ops[op];
            if (!fn) return;
            if (op === 'list' || op === 'export' || op === 'count') {
              checks++;
              const got = await fn(caller.client, { ids: [...seededIds], id: '' });
              const diff = compare(oracle(caller, probe, kind, op, rows), got, seededIds);
              if (diff) failures.push(`${probe.kind} ${op} as ${caller.label}: ${diff}`);
              return;
            }
            const own = rows.find((r) => r.owner === caller.userId) as SeededRow;
            // Without the permission every row answers 403: the caller's own row shows no exception for owners,
            // the outsider's that the permission is checked before the reach (no 404 instead of 403).
            const permitted = oracle(caller, probe, kind, op, rows).status !== 403;
            for (const target of permitted ? [own, byst, atB] : [own, atB]) {
              checks++;
              const got = await fn(caller.client, { ids: [target.id], id: target.id });
              const diff = compare(oracle(caller, probe, kind, op, [target]), got, seededIds);
              if (diff) failures.push(`${probe.kind} ${op} as ${caller.label} on ${target.label}: ${diff}`);
            }
          };
          const reads = operations.filter((op) => op !== 'write');
          await pool(callers, READ_CONCURRENCY, async (caller) => {
            for (const op of reads) await run(caller, op);
          });
          for (const caller of callers) await run(caller, 'write');
          entry.seconds = (Date.now() - probeStarted) / 1000;
          assert.deepEqual(failures, [], `${probe.kind}: ${failures.length} cells disagree with the policy`);
        });
      }
    });
  });
});
