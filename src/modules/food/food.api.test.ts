import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type {
  TEntityFood,
  TFoodBusiness,
  TFoodImportResult,
  TFoodLicence,
  THealthCertificate,
} from '../../contracts/food.ts';
import type { TInbox } from '../../contracts/inbox.ts';
import type { TSearchResult } from '../../contracts/search.ts';
import { bigramTsvector } from '../../domain/bigrams.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';
import { makeUscc } from '../../domain/uscc.ts';

const today = shanghaiToday();
const shift = (days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
type Page<T> = { items: T[]; nextCursor: string | null };
let seq = 0;

async function xlsx(headers: string[], rows: unknown[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('导入');
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function upload(client: ApiClient, what: 'licences' | 'certificates', bytes: Uint8Array, query = '') {
  const form = new FormData();
  form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), 'food.xlsx');
  const res = await fetch(`${client.baseUrl}/api/v1/food/imports/${what}${query}`, {
    method: 'POST',
    body: form,
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken },
  });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: res.headers.get('content-type')?.includes('json') ? ((await res.json()) as TFoodImportResult) : undefined,
  };
}

describe('food licences and health certificates: validation, scope, inbox, import, search', () => {
  let app: TestApp;
  let chief: ApiClient;
  let inspector: ApiClient;
  let otherChief: ApiClient;
  let hotline: ApiClient;
  const entity = { s01: 0, s01b: 0, s02: 0, usccS01b: '', usccS02: '', nameS01: '' };
  let licence: TFoodLicence;

  async function insertEntity(station: string): Promise<{ id: number; uscc: string; name: string }> {
    seq++;
    const uscc = makeUscc(
      '92',
      '440605',
      `F${String(process.pid % 1000).padStart(3, '0')}${String(seq).padStart(4, '0')}`,
    );
    const [row] = await app.testDb.db.query<{ id: number }>(
      `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on)
       SELECT $1, 'individualBusiness', $2, $4::tsvector, id, '2020-01-01' FROM org_units WHERE code = $3 RETURNING id`,
      [uscc, `食品测试${seq}号餐馆`, station, bigramTsvector(`食品测试${seq}号餐馆`)],
    );
    return { id: row!.id, uscc, name: `食品测试${seq}号餐馆` };
  }

  before(async () => {
    app = await startTestApp();
    chief = await loginAs(app, 's01.chief');
    inspector = await loginAs(app, 's01.inspector');
    otherChief = await loginAs(app, 's02.chief');
    hotline = await loginAs(app, 'hotline');
    const a = await insertEntity('s01');
    entity.s01 = a.id;
    entity.nameS01 = a.name;
    const b = await insertEntity('s01');
    entity.s01b = b.id;
    entity.usccS01b = b.uscc;
    const c = await insertEntity('s02');
    entity.s02 = c.id;
    entity.usccS02 = c.uscc;
  });
  after(() => app.close());

  const count = async (table: string) =>
    Number((await app.testDb.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n);

  test('an invalid licence number is a 422 naming the field, and nothing is stored', async () => {
    for (const licenceNo of ['JY2440605001234', 'SC24406050012340', 'JY29906050012340', 'JY44406050012340']) {
      const res = await chief.post<{ errors: { path: string }[]; detail: string }>('/api/v1/food/licences', {
        entityId: entity.s01,
        kind: 'operation',
        licenceNo,
        categories: ['hotFood'],
        issuedOn: shift(-100),
      });
      assert.equal(res.status, 422, licenceNo);
      assert.equal(res.body.errors[0]!.path, 'licenceNo');
      assert.match(res.body.detail, /编号|代码/);
    }
    const dates = await chief.post<{ errors: { path: string }[] }>('/api/v1/food/licences', {
      entityId: entity.s01,
      kind: 'operation',
      licenceNo: 'JY24406050012340',
      issuedOn: shift(-10),
      validUntil: shift(-20),
    });
    assert.equal(dates.status, 422);
    assert.equal(dates.body.errors[0]!.path, 'validUntil');
    assert.equal(await count('food_licences'), 0);
    assert.equal(await count('food_businesses'), 0);
  });

  test('a licence is recorded with its 5-year validity and renewal deadline; a second one with its number is 409', async () => {
    const res = await chief.post<TFoodLicence>('/api/v1/food/licences', {
      entityId: entity.s01,
      kind: 'operation',
      licenceNo: 'jy2 4406050012340',
      categories: ['hotFood', 'coldFood'],
      issuedOn: shift(-800),
      validUntil: today,
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    licence = res.body;
    assert.equal(licence.licenceNo, 'JY24406050012340');
    assert.equal(licence.daysLeft, 0);
    assert.ok(licence.renewalDueOn < shift(-30), licence.renewalDueOn);
    const fiveYears = await chief.post<TFoodLicence>('/api/v1/food/licences', {
      entityId: entity.s01,
      kind: 'production',
      licenceNo: 'SC10644060500124',
      issuedOn: '2024-03-15',
    });
    assert.equal(fiveYears.status, 200, JSON.stringify(fiveYears.body));
    assert.equal(fiveYears.body.validUntil, '2029-03-14');
    const again = await chief.post('/api/v1/food/licences', {
      entityId: entity.s01b,
      kind: 'operation',
      licenceNo: 'JY24406050012340',
      issuedOn: shift(-10),
    });
    assert.equal(again.status, 409);
    const filing = await chief.post<{ errors: { path: string }[] }>('/api/v1/food/licences', {
      entityId: entity.s01b,
      kind: 'filing',
      licenceNo: 'YB24406050000017',
      categories: ['hotFood'],
      issuedOn: shift(-10),
    });
    assert.equal(filing.status, 422);
    assert.equal(filing.body.errors[0]!.path, 'categories');
  });

  test('scope per station: another station neither lists nor gets the licence; no permission is 403', async () => {
    assert.equal((await otherChief.get(`/api/v1/food/licences/${licence.id}`)).status, 404);
    const list = await otherChief.get<Page<TFoodLicence>>('/api/v1/food/licences');
    assert.equal(list.status, 200);
    assert.equal(list.body.items.length, 0);
    assert.equal((await otherChief.get<TEntityFood>(`/api/v1/food/entities/${entity.s01}`)).status, 404);
    assert.equal(
      (
        await otherChief.post('/api/v1/food/licences', {
          entityId: entity.s01,
          kind: 'vendor',
          licenceNo: '粤食摊登字001号',
          issuedOn: today,
        })
      ).status,
      403,
    );
    assert.equal((await hotline.get('/api/v1/food/licences')).status, 403);
    const own = await chief.get<Page<TFoodLicence>>('/api/v1/food/licences?expiringWithin=90');
    assert.deepEqual(
      own.body.items.map((l) => l.id),
      [licence.id],
    );
  });

  test('health certificates: dates checked, names masked for readers, expiry in the responsible inspector’s inbox', async () => {
    const bad = await chief.post<{ errors: { path: string }[] }>('/api/v1/food/health-certificates', {
      entityId: entity.s01,
      staffName: '王小明',
      certificateNo: 'HC-001',
      issuedOn: shift(-10),
      validUntil: shift(-11),
    });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.errors[0]!.path, 'validUntil');
    const cert = await chief.post<THealthCertificate>('/api/v1/food/health-certificates', {
      entityId: entity.s01,
      staffName: '王小明',
      certificateNo: 'HC-001',
      issuedOn: shift(-365),
    });
    assert.equal(cert.status, 200, JSON.stringify(cert.body));
    assert.equal(cert.body.validUntil, shift(-1));
    assert.equal(cert.body.expired, true);
    assert.equal(cert.body.staffName, '王小明');
    // The same certificate sent twice at once: one is stored, the other answers 409 on its number (never a 500).
    const twice = await Promise.all(
      [1, 2].map(() =>
        chief.post('/api/v1/food/health-certificates', {
          entityId: entity.s01,
          staffName: '王小红',
          certificateNo: 'HC-002',
          issuedOn: shift(-10),
        }),
      ),
    );
    assert.deepEqual(twice.map((r) => r.status).sort(), [200, 409], JSON.stringify(twice.map((r) => r.body)));

    const business = (await chief.get<TEntityFood>(`/api/v1/food/entities/${entity.s01}`)).body.business!;
    const [inspectorRow] = await app.testDb.db.query<{ id: number }>(
      "SELECT id FROM users WHERE username = 's01.inspector'",
    );
    const [s02Inspector] = await app.testDb.db.query<{ id: number }>(
      "SELECT id FROM users WHERE username = 's02.inspector'",
    );
    const wrong = await chief.patch(`/api/v1/food/businesses/${business.id}`, { inspectorId: s02Inspector!.id });
    assert.equal(wrong.status, 422);
    const set = await chief.patch<TFoodBusiness>(`/api/v1/food/businesses/${business.id}`, {
      inspectorId: inspectorRow!.id,
    });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.equal(set.body.inspectorId, inspectorRow!.id);

    const inbox = (await inspector.get<TInbox>('/api/v1/inbox?limit=50')).body;
    const food = (group: keyof TInbox['groups']) => inbox.groups[group].filter((i) => i.module === 'food');
    assert.ok(
      food('overdue').some((i) => i.kind === 'certificateExpiry' && i.id === cert.body.id),
      JSON.stringify(inbox.groups.overdue),
    );
    assert.ok(
      food('overdue').some((i) => i.kind === 'licenceRenewal' && i.id === licence.id),
      'check 1',
    );
    assert.ok(
      food('dueToday').some((i) => i.kind === 'licenceExpiry' && i.id === licence.id),
      'check 2',
    );
    const chiefInbox = (await chief.get<TInbox>('/api/v1/inbox?limit=50')).body;
    assert.ok(
      chiefInbox.groups.dueToday.some((i) => i.module === 'food' && i.kind === 'licenceExpiry'),
      'chief',
    );
    assert.ok(
      !chiefInbox.groups.overdue.some((i) => i.kind === 'certificateExpiry'),
      'certificates go to the inspector only',
    );
    const otherInbox = (await otherChief.get<TInbox>('/api/v1/inbox?limit=50')).body;
    assert.ok(
      ![...otherInbox.groups.overdue, ...otherInbox.groups.dueToday].some((i) => i.module === 'food'),
      `other ${JSON.stringify(otherInbox.groups)}`,
    );

    const renewed = await chief.post<TFoodLicence>('/api/v1/food/licences', {
      entityId: entity.s01,
      kind: 'operation',
      licenceNo: 'JY24406050012357',
      categories: ['hotFood'],
      issuedOn: today,
      renews: licence.id,
    });
    assert.equal(renewed.status, 200, JSON.stringify(renewed.body));
    assert.equal((await chief.get<TFoodLicence>(`/api/v1/food/licences/${licence.id}`)).body.status, 'renewed');
    const after = (await inspector.get<TInbox>('/api/v1/inbox?limit=50')).body;
    assert.ok(
      ![...after.groups.overdue, ...after.groups.dueToday].some(
        (i) => i.module === 'food' && i.kind.startsWith('licence') && i.id === licence.id,
      ),
      'a renewed licence leaves the inbox',
    );

    // Status changes go through the transition table: a renewed licence cannot be revoked or renewed again.
    const again = await chief.post(`/api/v1/food/licences/${licence.id}/status`, { status: 'revoked' });
    assert.equal(again.status, 409, JSON.stringify(again.body));
    const renewTwice = await chief.post('/api/v1/food/licences', {
      entityId: entity.s01,
      kind: 'operation',
      licenceNo: 'JY24406050012368',
      categories: ['hotFood'],
      issuedOn: today,
      renews: licence.id,
    });
    assert.equal(renewTwice.status, 409, JSON.stringify(renewTwice.body));
    const newId = renewed.body.id;
    assert.equal((await chief.post(`/api/v1/food/licences/${newId}/status`, { status: 'cancelled' })).status, 200);
    assert.equal((await chief.post(`/api/v1/food/licences/${newId}/status`, { status: 'cancelled' })).status, 409);
    assert.equal((await chief.post(`/api/v1/food/licences/${newId}/status`, { status: 'active' })).status, 200);
    const steps = await app.testDb.db.query<{ detail: { action: string } }>(
      `SELECT detail FROM audit_log WHERE action = 'food.licence.status' AND target_id = $1 ORDER BY id`,
      [String(newId)],
    );
    assert.deepEqual(
      steps.map((r) => r.detail.action),
      ['cancel', 'restore'],
    );
  });

  test('XLSX import: a file with bad rows imports nothing and names each row; a clean file imports all', async () => {
    const headers = ['统一社会信用代码', '许可类型', '许可证编号', '经营项目', '发证日期', '有效期至'];
    const before = await count('food_licences');
    const bad = await xlsx(headers, [
      [entity.usccS01b, '食品经营许可证', 'JY24406050099990', '热食类食品制售、冷食类', '2024-05-01', ''],
      [entity.usccS01b, '食品经营许可证', 'JY2440605009999', '热食类食品制售', '2024-05-01', ''],
      ['92440605MA00000000', '食品经营许可证', 'JY24406050099991', '', '2024-05-01', ''],
      [entity.usccS02, '食品经营许可证', 'JY24406050099992', '', '2024-05-01', ''],
      [entity.usccS01b, '食品经营许可证', 'JY24406050099990', '', '2024-05-01', ''],
      [entity.usccS01b, '许可', 'JY24406050099993', '', '2024-05-01', ''],
    ]);
    const res = await upload(chief, 'licences', bad);
    assert.equal(res.status, 200);
    assert.equal(res.body!.imported, 0);
    assert.deepEqual(
      res.body!.errors.map((e) => [e.row, e.column]),
      [
        [3, '许可证编号'],
        [4, '统一社会信用代码'],
        [5, '统一社会信用代码'],
        [6, '许可证编号'],
        [7, '许可类型'],
      ],
    );
    assert.equal(await count('food_licences'), before, 'nothing imported half-way');
    const report = await upload(chief, 'licences', bad, '?report=xlsx');
    assert.match(report.type, /spreadsheetml/);

    const good = await xlsx(headers, [
      [entity.usccS01b, '食品经营许可证', 'JY24406050099990', '热食类食品制售、冷食类', '2024-05-01', ''],
      [entity.usccS01b, '食品小作坊登记', '粤食坊登字〔2024〕018号', '', new Date(Date.UTC(2024, 5, 1)), '2026-05-31'],
    ]);
    const ok = await upload(chief, 'licences', good);
    assert.deepEqual(ok.body, { total: 2, imported: 2, errors: [] });
    const page = await chief.get<Page<TFoodLicence>>(`/api/v1/food/licences?entityId=${entity.s01b}`);
    assert.equal(page.body.items.length, 2);
    assert.deepEqual(page.body.items.find((l) => l.kind === 'operation')!.categories, ['hotFood', 'coldFood']);

    const certs = await xlsx(
      ['统一社会信用代码', '姓名', '健康证编号', '发证日期', '有效期至'],
      [
        [entity.usccS01b, '李四', 'HC-100', shift(-30), ''],
        [entity.usccS01b, '赵五', 'HC-101', shift(-30), shift(-40)],
      ],
    );
    const certRes = await upload(chief, 'certificates', certs);
    assert.equal(certRes.body!.imported, 0);
    assert.deepEqual(
      certRes.body!.errors.map((e) => [e.row, e.column]),
      [[3, '有效期至']],
    );
    const certsOk = await xlsx(
      ['统一社会信用代码', '姓名', '健康证编号', '发证日期'],
      [[entity.usccS01b, '李四', 'HC-100', shift(-30)]],
    );
    assert.equal((await upload(chief, 'certificates', certsOk)).body!.imported, 1);
    assert.equal(
      (await upload(otherChief, 'certificates', certsOk)).body!.errors[0]!.reason,
      '该主体不在本人数据范围内',
    );
  });

  test('the header search finds licence numbers by prefix in the caller’s reach; the entity page lists food records', async () => {
    const found = await chief.get<TSearchResult>('/api/v1/search?q=JY2440605');
    const group = found.body.groups.find((g) => g.group === 'foodLicences');
    assert.ok(group && group.hits.length >= 2, JSON.stringify(found.body));
    assert.ok(group.hits.every((h) => h.link.startsWith('/food/licences/')));
    const other = await otherChief.get<TSearchResult>('/api/v1/search?q=JY2440605');
    assert.equal(other.body.groups.find((g) => g.group === 'foodLicences')?.hits.length ?? 0, 0);
    const section = await inspector.get<TEntityFood>(`/api/v1/food/entities/${entity.s01b}`);
    assert.equal(section.status, 200);
    assert.equal(section.body.licences.length, 2);
    assert.equal(section.body.certificates[0]!.staffName, '李四');
    const none = await chief.get<TEntityFood>(`/api/v1/food/entities/${entity.s02}`);
    assert.deepEqual(none.body, { business: null, licences: [], certificates: [] });
  });

  test('the business picker search: part of the name, the start of the USCC or of a licence number, own station only', async () => {
    const search = async (client: ApiClient, q: string) =>
      (await client.get<Page<TFoodBusiness>>(`/api/v1/food/businesses?q=${encodeURIComponent(q)}`)).body.items;
    const byName = await search(chief, entity.nameS01.slice(2, 7));
    assert.deepEqual(
      byName.map((b) => b.entityId),
      [entity.s01],
    );
    assert.match(byName[0]!.licenceNo ?? '', /^(SC|JY)/);
    assert.deepEqual(
      (await search(chief, 'jy2440605001234 0')).map((b) => b.entityId),
      [entity.s01],
    );
    assert.deepEqual(
      (await search(chief, entity.usccS01b.slice(0, 17).toLowerCase())).map((b) => b.entityId),
      [entity.s01b],
    );
    assert.deepEqual(await search(otherChief, entity.nameS01), []);
    assert.deepEqual(await search(otherChief, entity.usccS01b), []);
  });
});
