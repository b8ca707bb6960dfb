import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makePharmacyEntity, registerPharmacy } from '../../../tests/helpers/pharmacy-factory.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type {
  TDrugDaily,
  TDrugSale,
  TDrugSaleAlert,
  TDrugSaleImportResult,
  TDrugSalePersonal,
  TDrugSaleSettings,
  TPharmacyCode,
  TPortalPharmacy,
} from '../../contracts/drug-sales.ts';
import type { TInbox } from '../../contracts/inbox.ts';
import { addDays } from '../../domain/drug-sales.ts';
import { makeIdCard } from '../../domain/id-card.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';
import { makeUscc } from '../../domain/uscc.ts';
import { findActorRow } from '../auth/repo.ts';
import { actorFromRow } from '../auth/service.ts';
import { drugSalePendingItems } from './pending.ts';

type Page<T> = { items: T[]; nextCursor: string | null };
type Problem = { detail: string; errors: { path: string; message: string }[] };
const today = shanghaiToday();
const goodId = makeIdCard('440605', '19800101', '123');
const badId = `${goodId.slice(0, 17)}${goodId.endsWith('0') ? '1' : '0'}`;

describe('重点药品购药登记: access code, phone registration, masking, audit, import, daily counts, spikes, purge', () => {
  let app: TestApp;
  let admin: ApiClient;
  let chief: ApiClient;
  let inspector: ApiClient;
  let otherChief: ApiClient;
  let entityId = 0;
  let code = '';
  let saleId = 0;
  // Unique township per run so a shared PostgreSQL database never mixes runs' counts.
  const township = `4406050${String((process.pid % 90) + 10)}`;

  const post = async <T>(path: string, body: unknown) => {
    const res = await fetch(`${app.baseUrl}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T };
  };
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await app.testDb.db.query<{ n: number }>(sql, params))[0]!.n);
  const upload = async (client: ApiClient | null, fields: Record<string, string>, text: string, path: string) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([text]), 'pos.csv');
    const res = await fetch(`${app.baseUrl}/api/v1${path}`, {
      method: 'POST',
      body: form,
      headers: client ? { cookie: client.cookie, 'x-csrf-token': client.csrfToken } : {},
    });
    return { status: res.status, body: (await res.json()) as TDrugSaleImportResult & Problem };
  };

  before(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'admin');
    chief = await loginAs(app, 's01.chief');
    inspector = await loginAs(app, 's01.inspector');
    otherChief = await loginAs(app, 's02.chief');
    entityId = await makePharmacyEntity(app.testDb.db, { name: '康宁大药房', regionCode: `${township}001` });
    await registerPharmacy(chief, entityId);
  });
  after(() => app.close());

  test('a pharmacy gets an access code from staff in reach only; a wrong code tells nothing', async () => {
    assert.equal((await otherChief.post('/api/v1/drugs/pharmacy-codes', { entityId })).status, 403);
    const issued = await chief.post<TPharmacyCode>('/api/v1/drugs/pharmacy-codes', { entityId });
    assert.equal(issued.status, 200);
    code = issued.body.code;
    const open = await post<TPortalPharmacy>('/public/drug-sales/access', { accessCode: code.toLowerCase() });
    assert.equal(open.status, 200);
    assert.equal(open.body.entityName, '康宁大药房');
    assert.ok(open.body.watchList.some((w) => w.drugClass === '退热类'));
    const wrong = await post<Problem>('/public/drug-sales/access', { accessCode: 'ABCD-EFGH-JKMN' });
    assert.equal(wrong.status, 422);
    assert.equal(wrong.body.errors[0]?.path, 'accessCode');
  });

  test('a code goes only to a pharmacy open in the register: a plain entity or a closed pharmacy gets 422', async () => {
    const [plain] = await app.testDb.db.query<{ id: number }>(
      `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on, region_code)
       SELECT $1, 'enterprise', '康宁便利店', ''::tsvector, id, '2018-01-01', $2 FROM org_units WHERE code = 's01'
       RETURNING id`,
      [makeUscc('91', '440605', `D${String(process.pid % 1000).padStart(3, '0')}0001`), `${township}001`],
    );
    const refused = await chief.post<Problem>('/api/v1/drugs/pharmacy-codes', { entityId: plain!.id });
    assert.equal(refused.status, 422);
    assert.equal(refused.body.errors[0]?.path, 'entityId');
    assert.match(refused.body.errors[0]!.message, /未登记为零售药店/);
    assert.equal((await otherChief.post('/api/v1/drugs/pharmacy-codes', { entityId: plain!.id })).status, 403);
    assert.equal((await chief.post('/api/v1/drugs/pharmacy-codes', { entityId: 999_999_999 })).status, 404);

    const closingId = await makePharmacyEntity(app.testDb.db, { name: '将停业大药房', regionCode: `${township}001` });
    const closing = await registerPharmacy(chief, closingId);
    const early = await chief.post<TPharmacyCode>('/api/v1/drugs/pharmacy-codes', { entityId: closingId });
    assert.equal(early.status, 200);
    const closed = await chief.patch(`/api/v1/pharmacies/${closing.id}`, {
      version: closing.version,
      status: 'closed',
    });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    const again = await chief.post<Problem>('/api/v1/drugs/pharmacy-codes', { entityId: closingId });
    assert.equal(again.status, 422);
    assert.equal(again.body.errors[0]?.path, 'entityId');
    assert.match(again.body.errors[0]!.message, /已停业/);
    const stale = await post<Problem>('/public/drug-sales/access', { accessCode: early.body.code });
    assert.equal(stale.status, 422);
    assert.equal(stale.body.errors[0]?.path, 'accessCode');
  });

  test('an invalid ID number is refused naming the field, and nothing is stored', async () => {
    const before = await count('SELECT count(*)::int AS n FROM drug_sale_registrations');
    const res = await post<Problem>('/public/drug-sales', {
      accessCode: code,
      drugName: '布洛芬缓释胶囊',
      buyerName: '张三',
      idNumber: badId,
      phone: '13800138000',
    });
    assert.equal(res.status, 422);
    assert.equal(res.body.errors[0]?.path, 'idNumber');
    assert.match(res.body.errors[0]!.message, /校验码/);
    const offList = await post<Problem>('/public/drug-sales', {
      accessCode: code,
      drugName: '维生素C片',
      buyerName: '张三',
      idNumber: goodId,
      phone: '13800138000',
    });
    assert.equal(offList.status, 422);
    assert.equal(offList.body.errors[0]?.path, 'drugName');
    assert.equal(await count('SELECT count(*)::int AS n FROM drug_sale_registrations'), before);
  });

  test('a sale registered on the phone page is stored encrypted, counted, and shown masked', async () => {
    const res = await post<TDrugSale>('/public/drug-sales', {
      accessCode: code,
      drugName: '布洛芬缓释胶囊',
      buyerName: '张三丰',
      idNumber: goodId,
      phone: '13800138000',
      temperature: 38.5,
    });
    assert.equal(res.status, 200);
    saleId = res.body.id;
    assert.equal(res.body.buyerName, '张**');
    assert.equal(res.body.idNumber, maskedId(goodId));
    assert.equal(res.body.phone, '138****8000');
    assert.equal(res.body.drugClass, '退热类');
    assert.equal(res.body.temperature, 38.5);
    const [stored] = await app.testDb.db.query<{ c: string }>(
      'SELECT id_cipher AS c FROM drug_sale_registrations WHERE id = $1',
      [saleId],
    );
    assert.ok(!stored!.c.includes(goodId));
    assert.equal(
      await count(
        `SELECT n AS n FROM drug_sale_daily WHERE day = $1 AND drug_class = '退热类' AND township_code = $2`,
        [today, township],
      ),
      1,
    );
  });

  test('the inspector sees it masked; drug:personal sees it in clear, and every read is audited', async () => {
    const list = await inspector.get<Page<TDrugSale>>(`/api/v1/drugs/sales?entityId=${entityId}`);
    assert.equal(list.status, 200);
    assert.equal(list.body.items[0]?.idNumber, maskedId(goodId));
    assert.equal((await inspector.get(`/api/v1/drugs/sales/${saleId}/personal`)).status, 403);
    assert.equal((await otherChief.get(`/api/v1/drugs/sales/${saleId}`)).status, 404);
    assert.equal((await otherChief.get(`/api/v1/drugs/sales/${saleId}/personal`)).status, 404);
    const audits = () =>
      count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'drug.sale.personal.read' AND target_id = $1`, [
        String(saleId),
      ]);
    const before = await audits();
    const clear = await chief.get<TDrugSalePersonal>(`/api/v1/drugs/sales/${saleId}/personal`);
    assert.equal(clear.status, 200);
    assert.deepEqual(clear.body, { id: saleId, buyerName: '张三丰', idNumber: goodId, phone: '13800138000' });
    assert.equal(await audits(), before + 1);
  });

  test('a POS file with a bad row imports nothing and reports every bad row; a clean file imports all', async () => {
    const header = '销售日期,药品名称,数量,购药人姓名,身份证号,联系电话,体温';
    const bad = [
      header,
      `${today},奥司他韦胶囊,1,李四,${goodId},13900139000,37.2`,
      `${today},奥司他韦胶囊,1,王五,${badId},13900139001,`,
      `2099-01-01,不存在的药,1,赵六,${goodId},123,50`,
    ].join('\n');
    const before = await count('SELECT count(*)::int AS n FROM drug_sale_registrations');
    const res = await upload(null, { accessCode: code }, bad, '/public/drug-sales/import');
    assert.equal(res.status, 200);
    assert.equal(res.body.imported, 0);
    assert.deepEqual([...new Set(res.body.errors.map((e) => e.row))], [3, 4]);
    assert.ok(res.body.errors.some((e) => e.row === 3 && e.column === '身份证号'));
    assert.ok(res.body.errors.some((e) => e.row === 4 && e.column === '药品名称'));
    assert.ok(res.body.errors.every((e) => !e.value?.includes(goodId)));
    assert.equal(await count('SELECT count(*)::int AS n FROM drug_sale_registrations'), before);
    const good = [
      header,
      `${today},奥司他韦胶囊,2,李四,${goodId},13900139000,37.2`,
      `${today},复方甘草片,1,王五,${goodId},0757-86123456,`,
    ].join('\n');
    const ok = await upload(chief, { entityId: String(entityId) }, good, '/drugs/sales/import');
    assert.equal(ok.status, 200);
    assert.deepEqual([ok.body.imported, ok.body.errors.length], [2, 0]);
    assert.equal((await upload(otherChief, { entityId: String(entityId) }, good, '/drugs/sales/import')).status, 403);
    // A file for an entity that is not a pharmacy in the register is refused on the entity, whoever imports it.
    const [plain] = await app.testDb.db.query<{ id: number }>(
      `SELECT id FROM entities WHERE station_id = (SELECT id FROM org_units WHERE code = 's01')
         AND id NOT IN (SELECT entity_id FROM pharmacies) LIMIT 1`,
    );
    const refused = await upload(chief, { entityId: String(plain!.id) }, good, '/drugs/sales/import');
    assert.equal(refused.status, 422);
    assert.match(JSON.stringify(refused.body), /未登记为零售药店/);
  });

  test('daily counts come from the rollup by class and township, within the caller’s units', async () => {
    const mine = await chief.get<TDrugDaily>(`/api/v1/drugs/sales/daily?from=${addDays(today, -7)}&to=${today}`);
    assert.equal(mine.status, 200);
    const fever = mine.body.days.find((d) => d.day === today && d.drugClass === '退热类');
    assert.ok(fever && fever.n >= 1);
    assert.ok(mine.body.townships.some((t) => t.townshipCode === township));
    const theirs = await otherChief.get<TDrugDaily>(`/api/v1/drugs/sales/daily?from=${today}&to=${today}`);
    assert.ok(!theirs.body.townships.some((t) => t.townshipCode === township));
    const bad = await chief.get<Problem>(`/api/v1/drugs/sales/daily?from=${today}&to=${addDays(today, -1)}`);
    assert.equal(bad.status, 422);
  });

  test('a spike alerts the health liaison once: a notification and an inbox item; handling is audited', async () => {
    const me = { body: (await chief.get<{ user: { id: number } }>('/api/v1/auth/me')).body.user };
    const s = (await admin.get<TDrugSaleSettings>('/api/v1/drugs/sale-settings')).body;
    assert.equal((await inspector.put('/api/v1/drugs/sale-settings', { ...s, liaisonUserId: me.body.id })).status, 403);
    const put = await admin.put<TDrugSaleSettings>('/api/v1/drugs/sale-settings', {
      retentionDays: 180,
      liaisonUserId: me.body.id,
      spikeK: 3,
      spikeMinCount: 10,
      baselineDays: 14,
      version: s.version,
    });
    assert.equal(put.status, 200);
    assert.equal(put.body.liaisonUserId, me.body.id);
    const stationId = (await app.testDb.db.query<{ id: number }>(`SELECT id FROM org_units WHERE code = 's01'`))[0]!.id;
    await app.testDb.db.query(
      `INSERT INTO drug_sale_daily (day, drug_class, township_code, station_id, n)
       SELECT $1::date - g, '止咳类', $2, $3::bigint, 3 FROM generate_series(1, 14) g
       UNION ALL SELECT $1::date, '止咳类', $2, $3::bigint, 40
       ON CONFLICT (day, drug_class, township_code, station_id) DO UPDATE SET n = EXCLUDED.n`,
      [today, township, stationId],
    );
    const first = await app.services.drugSaleMonitoring.detect(today);
    assert.ok(first.alerted >= 1);
    assert.equal((await app.services.drugSaleMonitoring.detect(today)).alerted, 0);
    const alerts = await chief.get<Page<TDrugSaleAlert>>('/api/v1/drugs/sale-alerts?status=new');
    const alert = alerts.body.items.find((a) => a.townshipCode === township && a.drugClass === '止咳类');
    assert.ok(alert);
    assert.equal(alert.observed, 40);
    assert.equal(
      await count(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND subject_id = $2`, [
        me.body.id,
        String(alert.id),
      ]),
      1,
    );
    const box = await chief.get<TInbox>('/api/v1/inbox');
    const all = Object.values(box.body.groups).flat();
    assert.ok(all.some((i) => i.module === 'drug-sales' && i.id === alert.id));
    // On a Sunday too, when 本周 ends that day: the alert is due the day it counts, so it is in the inbox at once.
    const liaison = actorFromRow((await findActorRow(app.testDb.db, { userId: me.body.id }))!, null);
    const sunday = { today: alert.day, weekEnd: alert.day, limit: 50, countCap: 100 };
    const mine = await drugSalePendingItems(app.services.db).pending(liaison, sunday);
    assert.ok(mine.items.some((i) => i.id === alert.id && i.dueOn === alert.day));
    const handled = await chief.post<TDrugSaleAlert>(`/api/v1/drugs/sale-alerts/${alert.id}/handle`, {
      note: '已通报卫健局',
      version: alert.version,
    });
    assert.equal(handled.status, 200);
    assert.equal(handled.body.status, 'handled');
    const again = await chief.post<Problem>(`/api/v1/drugs/sale-alerts/${alert.id}/handle`, {
      note: '再次',
      version: handled.body.version,
    });
    assert.equal(again.status, 409);
  });

  test('the watch list is edited with drug:settings only; records past the retention period are purged', async () => {
    const list = (await admin.get<{ name: string; drugClass: string; active: boolean }[]>('/api/v1/drugs/watch-list'))
      .body;
    const body = {
      items: [
        ...list.map(({ name, drugClass, active }) => ({ name, drugClass, active })),
        { name: '连花清瘟胶囊', drugClass: '抗病毒类', active: true },
      ],
    };
    assert.equal((await inspector.put('/api/v1/drugs/watch-list', body)).status, 403);
    const dup = await admin.put<Problem>('/api/v1/drugs/watch-list', { items: [...body.items, body.items[0]] });
    assert.equal(dup.status, 422);
    assert.equal((await admin.put('/api/v1/drugs/watch-list', body)).status, 200);
    const old = await post<TDrugSale>('/public/drug-sales', {
      accessCode: code,
      drugName: '连花清瘟胶囊',
      soldOn: addDays(today, -400),
      buyerName: '钱七',
      idNumber: goodId,
      phone: '13800138001',
    });
    assert.equal(old.status, 200);
    const result = await app.services.drugSaleMonitoring.purge();
    assert.ok(result.deleted >= 1);
    assert.equal(await count('SELECT count(*)::int AS n FROM drug_sale_registrations WHERE id = $1', [old.body.id]), 0);
    assert.equal(await count('SELECT count(*)::int AS n FROM drug_sale_registrations WHERE id = $1', [saleId]), 1);
    assert.equal(
      await count(`SELECT count(*)::int AS n FROM drug_sale_daily WHERE day = $1 AND township_code = $2`, [
        addDays(today, -400),
        township,
      ]),
      1,
    );
  });
});

function maskedId(id: string) {
  return `${id.slice(0, 3)}${'*'.repeat(11)}${id.slice(14)}`;
}
