import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { prepareDatabase } from '../../../tests/helpers/pglite-template.ts';
import { loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TRollupComplaintMonths, TRollupRegions } from '../../contracts/rollup.ts';
import { type Db, openPostgres } from '../../db/client.ts';
import { listMigrations, migrate } from '../../db/migrate.ts';
import { RollupError } from './errors.ts';
import { PERSONAL_COLUMNS, PUBLICATION_NAME, PUBLISHED } from './published.ts';
import { checkRollup, logRollupAtBoot } from './services/boot-check.ts';
import { publishCity } from './services/publish.ts';
import { createRollupService } from './services/regions.ts';
import { rollupNames, subscribeCity, unsubscribeCity } from './services/subscribe.ts';

/**
 * Two cities and a province on the second local cluster (scripts/rollup-cluster.sh start: port 5434,
 * wal_level=logical), since the main cluster runs wal_level=replica. Skipped, with the reason, without it.
 */
const ADMIN_URL = process.env.ROLLUP_TEST_URL || 'postgres://postgres@127.0.0.1:5434/postgres';
const PREFIX = 'rollup_t_';
const TEMPLATE = `${PREFIX}template`;
const CITIES = [
  { code: '3301', db: `${PREFIX}city_3301` },
  { code: '3302', db: `${PREFIX}city_3302` },
];
const PROVINCE = `${PREFIX}province`;
const PHONE = '13912345678';
const ID_CARD = '330102199001011234';

const urlOf = (database: string) => {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${database}`;
  return u.toString();
};

async function probe(): Promise<string | false> {
  let admin: Db;
  try {
    admin = await openPostgres(ADMIN_URL, { max: 1 });
  } catch {
    return `no PostgreSQL at ${ADMIN_URL}: run bash scripts/rollup-cluster.sh start`;
  }
  try {
    const [level] = await admin.query<{ wal_level: string }>('SHOW wal_level');
    if (level?.wal_level !== 'logical') return `wal_level is ${level?.wal_level} at ${ADMIN_URL}, not logical`;
    const fdw = await admin.query(`SELECT 1 FROM pg_available_extensions WHERE name = 'postgres_fdw'`);
    if (!fdw.length) return 'postgres_fdw is not installed on the roll-up cluster';
    return false;
  } finally {
    await admin.close();
  }
}

const skip = await probe();

/** Leftovers of an interrupted run: subscriptions first (they hold slots on the cities), then the databases. */
async function clean(admin: Db, keepTemplate: boolean) {
  const dbs = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
    `${PREFIX}%`,
  ]);
  for (const { datname } of dbs) {
    if (!datname.includes('_city_') || !datname.startsWith(PROVINCE)) continue;
    const db = await openPostgres(urlOf(datname), { max: 1 });
    for (const { subname } of await db.query<{ subname: string }>(
      `SELECT subname FROM pg_subscription s JOIN pg_database d ON d.oid = s.subdbid WHERE d.datname = current_database()`,
    )) {
      await db.query(`ALTER SUBSCRIPTION "${subname}" DISABLE`);
      await db.query(`ALTER SUBSCRIPTION "${subname}" SET (slot_name = NONE)`);
      await db.query(`DROP SUBSCRIPTION "${subname}"`);
    }
    await db.close();
  }
  for (const { datname } of dbs) {
    if (keepTemplate && datname === TEMPLATE) continue;
    await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
  await admin.query(
    `SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots
      WHERE slot_name LIKE 'shijian_rollup_%' AND slot_name LIKE '%rollup_t_%' AND NOT active`,
  );
}

/** A migrated database to clone (CREATE DATABASE … TEMPLATE), kept between runs while the migrations are the same. */
async function ensureTemplate(admin: Db) {
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE])).length > 0;
  if (exists) {
    const db = await openPostgres(urlOf(TEMPLATE), { max: 1 });
    const rows = await db.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migrations');
    await db.close();
    const expected = listMigrations();
    const current =
      rows.length === expected.length &&
      expected.every((m) => rows.some((r) => r.name === m.name && r.checksum === m.checksum));
    if (current) return;
    await admin.query(`DROP DATABASE "${TEMPLATE}" WITH (FORCE)`);
  }
  await admin.query(`CREATE DATABASE "${TEMPLATE}"`);
  const db = await openPostgres(urlOf(TEMPLATE), { max: 1 });
  await migrate(db);
  await db.close();
}

/** One station, an entity with a legal representative's phone and ID, a 12315 complaint and a fined case. */
async function seedCity(db: Db, code: string) {
  const [unit] = await db.query<{ id: number }>(
    `INSERT INTO org_units (code, name, kind, path) VALUES ($1, $2, 'station', $1) RETURNING id`,
    [`s${code}`, `${code}所`],
  );
  const [entity] = await db.query<{ id: number }>(
    `INSERT INTO entities (uscc, type, name, name_bigrams, legal_rep_name, legal_rep_id_cipher, legal_rep_id_masked,
       phone, address, region_code, station_id, established_on)
     VALUES ($1, 'enterprise', $2, ''::tsvector, '张三', $3, $3, $4, '某路1号', $5, $6, '2020-01-01') RETURNING id`,
    [`91${code}00MA0000000X`, `${code}食品公司`, ID_CARD, PHONE, `${code}00`, unit?.id],
  );
  await db.query(
    `INSERT INTO complaints (tracking_code, kind, channel, rule_set_code, received_on, station_id, person_name,
       person_phone, person_id_masked, description, entity_id, category_code)
     VALUES ($1, 'complaint', 'phone', 'r1', '2026-12-01', $2, '李四', $3, $4, '电话 ${PHONE} 投诉', $5, 'goods')`,
    [`T${code}`, unit?.id, PHONE, ID_CARD, entity?.id],
  );
  const [caseRow] = await db.query<{ id: number }>(
    `INSERT INTO cases (procedure, status, party_kind, party_name, party_id_no_enc, station_id, title, entity_id)
     VALUES ('general', 'filed', 'person', '王五', $1, $2, '王五无照经营案', $3) RETURNING id`,
    [ID_CARD, unit?.id, entity?.id],
  );
  await db.query(`INSERT INTO case_penalties (case_id, kind, amount_fen, note) VALUES ($1, 'fine', 500000, '王五')`, [
    caseRow?.id,
  ]);
  return { stationId: unit?.id as number };
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<[T, number]> {
  const started = Date.now();
  for (;;) {
    const v = await read();
    if (ok(v)) return [v, Date.now() - started];
    if (Date.now() - started > timeoutMs) assert.fail(`not within ${timeoutMs} ms: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('provincial roll-up by logical replication (two cities, one province)', { skip }, () => {
  let admin: Db;
  let province: Db;
  const cities: Db[] = [];
  const stations: number[] = [];
  let app: TestApp | undefined;

  before(async () => {
    admin = await openPostgres(ADMIN_URL, { max: 2 });
    await clean(admin, true);
    await ensureTemplate(admin);
    for (const name of [...CITIES.map((c) => c.db), PROVINCE]) {
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE}"`);
    }
    for (const c of CITIES) {
      const db = await openPostgres(urlOf(c.db), { max: 2 });
      cities.push(db);
      stations.push((await seedCity(db, c.code)).stationId);
    }
    province = await openPostgres(urlOf(PROVINCE), { max: 2 });
  });

  after(async () => {
    if (!admin) return;
    await app?.close();
    await province?.close();
    for (const c of CITIES) await unsubscribeCity(urlOf(PROVINCE), c.code).catch(() => {});
    for (const db of cities) await db.close();
    await clean(admin, true);
    await admin.close();
  });

  it('each city publishes every table with its column list, and every column of those tables is classified', async () => {
    for (const db of cities) {
      const r = await publishCity(db);
      assert.equal(r.tables, PUBLISHED.length);
      assert.deepEqual(r.unclassified, [], 'a new column must be published or kept out in published.ts');
      assert.equal((await publishCity(db)).tables, PUBLISHED.length, 'publishing again refreshes it');
    }
  });

  it('personal columns are not in the publication (pg_publication_tables.attnames)', async () => {
    const rows = await cities[0]!.query<{ tablename: string; attnames: string[] }>(
      `SELECT tablename, attnames::text[] AS attnames FROM pg_publication_tables WHERE pubname = $1`,
      [PUBLICATION_NAME],
    );
    const published = new Map(rows.map((r) => [r.tablename, r.attnames]));
    assert.ok(PERSONAL_COLUMNS.length >= 12);
    for (const { table, column } of PERSONAL_COLUMNS) {
      assert.ok(published.has(table), `${table} is published`);
      assert.ok(!published.get(table)?.includes(column), `${table}.${column} must not be published`);
    }
    const personal = /phone|person_|legal_rep|party_name|party_id|party_address|_cipher|_masked|id_hash/;
    for (const [table, cols] of published) {
      for (const c of cols) assert.doesNotMatch(c, personal, `${table}.${c} looks personal`);
      const spec = PUBLISHED.find((t) => t.table === table)?.columns ?? [];
      assert.deepEqual([...cols].sort(), [...spec].sort(), table);
    }
  });

  it('the province subscribes to both cities and reads them with city_code', async () => {
    for (const c of CITIES) {
      const r = await subscribeCity({
        provinceUrl: urlOf(PROVINCE),
        city: { code: c.code, url: urlOf(c.db), name: `城市${c.code}` },
        waitMs: 60_000,
      });
      assert.equal(r.created, true);
      assert.equal(r.replicaDatabase, rollupNames(urlOf(PROVINCE), c.code).replicaDatabase);
    }
    const rows = await province.query<{ city_code: string; n: number }>(
      'SELECT city_code, count(*)::int AS n FROM rollup.entities GROUP BY city_code ORDER BY city_code',
    );
    assert.deepEqual(rows, [
      { city_code: '3301', n: 1 },
      { city_code: '3302', n: 1 },
    ]);
    const again = await subscribeCity({
      provinceUrl: urlOf(PROVINCE),
      city: { code: '3301', url: urlOf(CITIES[0]!.db) },
    });
    assert.equal(again.created, false, 'subscribing again refreshes (and keeps the name given before)');
  });

  it('a change in a city appears in the province within seconds', async (t) => {
    const [row] = await cities[1]!.query<{ id: number }>(
      `INSERT INTO entities (uscc, type, name, name_bigrams, region_code, station_id, established_on)
       VALUES ('913302NEW0000000X', 'enterprise', '新开超市', ''::tsvector, '330200', $1, '2026-12-01') RETURNING id`,
      [stations[1]],
    );
    await cities[0]!.query(`UPDATE complaints SET status = 'closed', satisfaction = 5`);
    const [, insertMs] = await until(
      () => province.query(`SELECT 1 FROM rollup.entities WHERE city_code = '3302' AND id = $1`, [row?.id]),
      (r) => r.length === 1,
    );
    const [, updateMs] = await until(
      () => province.query<{ status: string }>(`SELECT status FROM rollup.complaints WHERE city_code = '3301'`),
      (r) => r[0]?.status === 'closed',
    );
    t.diagnostic(`insert visible after ${insertMs} ms, update after ${updateMs} ms`);
    assert.ok(insertMs < 5_000 && updateMs < 5_000);
    await cities[1]!.query('DELETE FROM entities WHERE id = $1', [row?.id]);
    await until(
      () => province.query(`SELECT 1 FROM rollup.entities WHERE id = $1 AND city_code = '3302'`, [row?.id]),
      (r) => r.length === 0,
    );
  });

  it('personal data never reaches the province: no such columns, and no phone or ID number in any row', async () => {
    for (const c of CITIES) {
      const replica = await openPostgres(urlOf(rollupNames(urlOf(PROVINCE), c.code).replicaDatabase), { max: 1 });
      const cols = await replica.query<{ table_name: string; column_name: string }>(
        `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`,
      );
      await replica.close();
      for (const { table, column } of PERSONAL_COLUMNS) {
        assert.ok(!cols.some((r) => r.table_name === table && r.column_name === column), `${table}.${column}`);
      }
    }
    for (const t of PUBLISHED) {
      const [hit] = await province.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM rollup.${t.table} r WHERE r::text LIKE $1 OR r::text LIKE $2 OR r::text ~ '[张李王][三四五]'`,
        [`%${PHONE}%`, `%${ID_CARD}%`],
      );
      assert.equal(hit?.n, 0, `rollup.${t.table}`);
    }
  });

  it('the leader figures per region come from the roll-up', async () => {
    const r = await createRollupService(province).regions();
    assert.equal(r.configured, true);
    assert.deepEqual(
      r.cities.map((c) => [c.cityCode, c.name, c.entities, c.complaints, c.cases, c.finesFen, c.problem]),
      [
        ['3301', '城市3301', 1, 1, 1, 500000, null],
        ['3302', '城市3302', 1, 1, 1, 500000, null],
      ],
    );
  });

  it('credit classes and spot-check results per city, through the province API (leader only)', async () => {
    const [c1, c2] = cities as [Db, Db];
    await c1.query(`INSERT INTO entity_risk_classes (entity_id, risk_class, score, model_version)
                    SELECT id, 'B', 80, 1 FROM entities`);
    await c2.query(`INSERT INTO entity_risk_classes (entity_id, risk_class, score, model_version)
                    SELECT id, 'D', 20, 1 FROM entities`);
    const [item] = await c1.query<{ id: number }>(
      `INSERT INTO spot_check_items (department_id, code, name, level, legal_basis)
       VALUES ($1, 'r-item', '食品经营', 'general', '《食品安全法》') RETURNING id`,
      [stations[0]],
    );
    const [visit] = await c1.query<{ id: number }>(
      `INSERT INTO spot_check_visits (plan_id, entity_id, station_id, task_ids, inspector_ids, status, inspected_on)
       SELECT 1, id, $1, '{}', '{}', 'inspected', '2026-12-02' FROM entities LIMIT 1 RETURNING id`,
      [stations[0]],
    );
    await c1.query(
      `INSERT INTO spot_check_results (visit_id, item_id, category, notes) VALUES ($1, $2, 'pendingFollowUp', '张三')`,
      [visit?.id, item?.id],
    );
    await c2.query(
      `INSERT INTO spot_check_visits (plan_id, entity_id, station_id, task_ids, inspector_ids)
       SELECT 1, id, $1, '{}', '{}' FROM entities LIMIT 1`,
      [stations[1]],
    );
    const service = createRollupService(province, { now: () => new Date('2026-12-15T04:00:00Z') });
    const [r] = await until(
      () => service.regions(),
      (v) => v.cities[0]?.spotCheckProblemVisits === 1 && v.cities[1]?.spotCheckVisits === 1,
    );
    assert.deepEqual(
      r.cities.map((c) => [c.cityCode, c.riskA, c.riskB, c.riskC, c.riskD]),
      [
        ['3301', 0, 1, 0, 0],
        ['3302', 0, 0, 0, 1],
      ],
    );
    assert.deepEqual(
      r.cities.map((c) => [c.cityCode, c.spotCheckVisits, c.spotCheckInspected, c.spotCheckProblemVisits]),
      [
        ['3301', 1, 1, 1],
        ['3302', 1, 0, 0],
      ],
    );

    // The same through HTTP, on the province database with its own users.
    await prepareDatabase(province);
    app = await startTestApp({
      testDb: { db: province, url: urlOf(PROVINCE), close: async () => {} },
      now: () => new Date('2026-12-15T04:00:00Z'),
    });
    const leader = await loginAs(app, 'leader');
    const regions = await leader.get<TRollupRegions>('/api/v1/rollup/regions');
    assert.equal(regions.status, 200, JSON.stringify(regions.body));
    assert.equal(regions.body.configured, true);
    assert.deepEqual(
      regions.body.cities.map((c) => [c.cityCode, c.name, c.entities, c.riskB, c.riskD, c.finesFen, c.problem]),
      [
        ['3301', '城市3301', 1, 1, 0, 500000, null],
        ['3302', '城市3302', 1, 0, 1, 500000, null],
      ],
    );
    const months = await leader.get<TRollupComplaintMonths>('/api/v1/rollup/regions/complaints-by-month');
    assert.equal(months.status, 200, JSON.stringify(months.body));
    assert.equal(months.body.months.length, 12);
    assert.equal(months.body.months[0], '2026-01');
    assert.equal(months.body.months[11], '2026-12');
    assert.deepEqual(
      months.body.cities.map((c) => [c.cityCode, c.counts.reduce((a, b) => a + b, 0), c.counts[11]]),
      [
        ['3301', 1, 1],
        ['3302', 1, 1],
      ],
    );
    const three = await leader.get<TRollupComplaintMonths>('/api/v1/rollup/regions/complaints-by-month?months=3');
    assert.deepEqual(three.body.months, ['2026-10', '2026-11', '2026-12']);
    assert.equal((await leader.get('/api/v1/rollup/regions/complaints-by-month?months=99')).status, 422);
    const file = await fetch(`${app.baseUrl}/api/v1/rollup/regions/export`, { headers: { cookie: leader.cookie } });
    assert.equal(file.status, 200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await file.arrayBuffer());
    const sheet = book.worksheets[0]!;
    assert.deepEqual(
      [2, 3, 4].map((r) => [sheet.getCell(r, 1).value, sheet.getCell(r, 3).value, sheet.getCell(r, 15).value]),
      [
        ['3301', 1, 5000],
        ['3302', 1, 5000],
        ['合计', 2, 10000],
      ],
    );
    await until(
      () => province.query(`SELECT 1 FROM audit_log WHERE action = 'rollup.regions.export'`),
      (rows) => rows.length === 1,
    );
    const inspector = await loginAs(app, 's01.inspector');
    assert.equal((await inspector.get('/api/v1/rollup/regions')).status, 403);
    assert.equal((await inspector.get('/api/v1/rollup/regions/complaints-by-month')).status, 403);
  });

  it('a city on another schema version: a clear message at boot, and subscribe refuses it', async () => {
    await cities[1]!.query(`INSERT INTO schema_migrations (name, checksum) VALUES ('29991231000000_future.sql', 'x')`);
    const [report] = await until(
      () => checkRollup(province),
      (r) => r.some((c) => c.code === '3302' && c.problem !== null),
    );
    assert.equal(report.find((c) => c.code === '3301')?.problem, null);
    const lines: string[] = [];
    await logRollupAtBoot(province, (l) => lines.push(l));
    assert.equal(lines.length, 1);
    assert.match(
      lines[0]!,
      /城市 3302（城市3302）的数据库结构版本与省级不一致：多出省级没有的 1 个迁移（最新 29991231000000_future.sql）/,
    );
    assert.match(lines[0]!, /其余功能照常/);
    await assert.rejects(
      subscribeCity({ provinceUrl: urlOf(PROVINCE), city: { code: '3302', url: urlOf(CITIES[1]!.db) } }),
      (err: unknown) => err instanceof RollupError && /城市 3302 的数据库结构版本与省级不一致/.test(err.message),
    );
    await assert.rejects(publishCity(cities[1]!), /本城市的数据库结构版本与本程序不一致/);
    if (app) {
      const leader = await loginAs(app, 'leader');
      const res = await leader.get<TRollupRegions>('/api/v1/rollup/regions');
      assert.equal(res.body.cities.find((c) => c.cityCode === '3301')?.problem, null);
      assert.match(res.body.cities.find((c) => c.cityCode === '3302')?.problem ?? '', /多出省级没有的 1 个迁移/);
    }
    await cities[1]!.query(`DELETE FROM schema_migrations WHERE name = '29991231000000_future.sql'`);
  });
});
