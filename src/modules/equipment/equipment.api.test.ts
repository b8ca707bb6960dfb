import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { makeEquipment } from '../../../tests/helpers/equipment-factory.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TEquipment, TEquipmentImportResult } from '../../contracts/equipment.ts';
import type { TInbox } from '../../contracts/inbox.ts';
import { addDays, addMonths } from '../../domain/equipment-rules.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';
import { makeUscc } from '../../domain/uscc.ts';

type Problem = { errors: { path: string; message: string }[]; detail: string };
const today = shanghaiToday();

async function upload(as: ApiClient, path: string, bytes: Uint8Array, name: string) {
  const form = new FormData();
  form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), name);
  const res = await fetch(`${as.baseUrl}/api/v1/equipment/imports/${path}`, {
    method: 'POST',
    body: form,
    headers: { cookie: as.cookie, 'x-csrf-token': as.csrfToken },
  });
  return { status: res.status, body: (await res.json()) as TEquipmentImportResult };
}

async function xlsx(rows: unknown[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('检验结果');
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('special equipment: register, inspections and import, sweep, maintenance, inbox', () => {
  let app: TestApp;
  let chief: ApiClient;
  let otherChief: ApiClient;
  let admin: ApiClient;
  let entityId = 0;

  before(async () => {
    app = await startTestApp();
    chief = await loginAs(app, 's01.chief');
    otherChief = await loginAs(app, 's02.chief');
    admin = await loginAs(app, 'admin');
    const [e] = await app.testDb.db.query<{ id: number }>(
      `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on)
       SELECT $1, 'enterprise', '设备测试使用单位', ''::tsvector, id, '2015-01-01' FROM org_units WHERE code = 's01'
       RETURNING id`,
      [makeUscc('91', '440605', `E${String(process.pid % 1000).padStart(3, '0')}0001`)],
    );
    entityId = e!.id;
  });
  after(() => app.close());

  const lift = (over: Record<string, unknown> = {}) =>
    chief.post<TEquipment>('/api/v1/equipment', {
      equipmentCode: `3110440605${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
      categoryCode: '3100',
      entityId,
      makerName: '某电梯制造有限公司',
      maintenanceUnitName: '某电梯制造有限公司',
      address: '滨江路 1 号 A 座',
      regionCode: '440605001',
      latitude: 23.02,
      longitude: 113.11,
      firstUsedOn: addDays(today, -10),
      ...over,
    });

  test('registers a lift; a code of another category and a future date are refused, nothing written', async () => {
    const wrong = await lift({ equipmentCode: '41104406050000001' });
    assert.equal(wrong.status, 422);
    assert.equal((wrong.body as unknown as Problem).errors[0]!.path, 'equipmentCode');
    const future = await lift({ firstUsedOn: addDays(today, 3) });
    assert.equal(future.status, 422);
    const notMaker = await lift({ maintenanceUnitName: '无关公司' });
    assert.equal(notMaker.status, 422);
    assert.equal((notMaker.body as unknown as Problem).errors[0]!.path, 'maintenanceEntityId');
    const [{ n }] = (await app.testDb.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM equipment WHERE entity_id = $1',
      [entityId],
    )) as [{ n: number }];
    assert.equal(n, 0);

    const res = await lift();
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.status, 'unregistered');
    const reg = await chief.post<TEquipment>(`/api/v1/equipment/${res.body.id}/status`, {
      action: 'register',
      registrationNo: `梯11粤E${res.body.id}`,
    });
    assert.equal(reg.status, 200, JSON.stringify(reg.body));
    assert.equal(reg.body.status, 'inUse');
    assert.equal(reg.body.registrationNo, `梯11粤E${res.body.id}`);
    // Another station's chief does not see it (404), the dictionary lists the lift sub-types.
    assert.equal((await otherChief.get(`/api/v1/equipment/${res.body.id}`)).status, 404);
    const again = await chief.post(`/api/v1/equipment/${res.body.id}/status`, {
      action: 'register',
      registrationNo: 'x',
    });
    assert.equal(again.status, 409);
  });

  test('an inspection in the future is refused; a pass sets the next date from the interval; a fail stops it', async () => {
    const { body: eq } = await lift({ registrationNo: `梯R${Date.now()}`, registeredOn: addDays(today, -5) });
    assert.equal(eq.status, 'inUse');
    const future = await chief.post(`/api/v1/equipment/${eq.id}/inspections`, {
      inspectedOn: addDays(today, 1),
      conclusion: 'pass',
      reportNo: 'DJ-F',
    });
    assert.equal(future.status, 422);
    assert.equal((future.body as Problem).errors[0]!.path, 'inspectedOn');
    const inspectedOn = addDays(today, -2);
    const ok = await chief.post<TEquipment>(`/api/v1/equipment/${eq.id}/inspections`, {
      inspectedOn,
      conclusion: 'pass',
      reportNo: 'DJ-1',
    });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.nextInspectionDue, addMonths(inspectedOn, 12));
    assert.equal(ok.body.inspectionState, 'normal');
    const failed = await chief.post<TEquipment>(`/api/v1/equipment/${eq.id}/inspections`, {
      inspectedOn: today,
      conclusion: 'fail',
      reportNo: 'DJ-2',
    });
    assert.equal(failed.body.status, 'stopped');
    const passed = await chief.post<TEquipment>(`/api/v1/equipment/${eq.id}/inspections`, {
      inspectedOn: today,
      conclusion: 'pass',
      reportNo: 'DJ-3',
    });
    assert.equal(passed.body.status, 'inUse');
    const detail = await chief.get<{ events: { action: string }[] }>(`/api/v1/equipment/${eq.id}`);
    assert.deepEqual(
      detail.body.events.map((e) => e.action),
      ['inspectionPassed', 'inspectionFailed'],
    );
  });

  test('institute import: a bad row imports nothing; fixed, it sets dates and the grade; CSV too', async () => {
    const vessel = await makeEquipment(app.testDb.db, { tag: 'A', categoryCode: '2100' });
    const liftEq = await makeEquipment(app.testDb.db, { tag: 'A' });
    const head = ['设备代码', '检验日期', '检验结论', '安全状况等级', '下次检验日期', '报告编号', '检验机构'];
    const bad = await xlsx([
      head,
      [liftEq.equipmentCode, addDays(today, -3), '合格', '', '', 'R-1', '市特检院'],
      [vessel.equipmentCode, addDays(today, 5), '合格', '3', '', 'R-2', '市特检院'],
      ['39999999999', addDays(today, -3), '合格', '', '', 'R-3', '市特检院'],
    ]);
    const r1 = await upload(chief, 'inspections', bad, 'results.xlsx');
    assert.equal(r1.status, 200, JSON.stringify(r1.body));
    assert.equal(r1.body.imported, 0);
    assert.deepEqual(
      r1.body.errors.map((e) => [e.row, e.column]),
      [
        [3, '检验日期'],
        [4, '设备代码'],
      ],
    );
    const [{ n }] = (await app.testDb.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM equipment_inspections WHERE equipment_id = ANY($1)',
      [[vessel.id, liftEq.id]],
    )) as [{ n: number }];
    assert.equal(n, 0);
    const good = await xlsx([
      head,
      [liftEq.equipmentCode, addDays(today, -3), '合格', '', '', 'R-1', '市特检院'],
      [vessel.equipmentCode, addDays(today, -3), '合格', '3级', '', 'R-2', '市特检院'],
    ]);
    const r2 = await upload(chief, 'inspections', good, 'results.xlsx');
    assert.deepEqual(r2.body, { total: 2, imported: 2, errors: [] });
    const v = (await chief.get<TEquipment>(`/api/v1/equipment/${vessel.id}`)).body;
    assert.equal(v.safetyGrade, 3);
    assert.equal(v.nextInspectionDue, addMonths(addDays(today, -3), 36));
    const csv = `${head.join(',')}\n${liftEq.equipmentCode},${addDays(today, -1)},不合格,,,R-9,市特检院\n`;
    const r3 = await upload(chief, 'inspections', new TextEncoder().encode(csv), 'r.csv');
    assert.deepEqual(r3.body, { total: 1, imported: 1, errors: [] });
    assert.equal((await chief.get<TEquipment>(`/api/v1/equipment/${liftEq.id}`)).body.status, 'stopped');
  });

  test('the sweep marks 应报检 and 超期未检 (idempotent); the due list and the inbox show them', async () => {
    const due = await makeEquipment(app.testDb.db, { tag: 'B', nextInspectionDue: addDays(today, 10) });
    const over = await makeEquipment(app.testDb.db, { tag: 'B', nextInspectionDue: addDays(today, -4) });
    const sweep1 = await admin.post<{ toDue: number; toOverdue: number }>('/api/v1/equipment/settings/sweep');
    assert.equal(sweep1.status, 200);
    assert.ok(sweep1.body.toDue >= 1 && sweep1.body.toOverdue >= 1);
    const sweep2 = await admin.post('/api/v1/equipment/settings/sweep');
    assert.deepEqual(sweep2.body, { toDue: 0, toOverdue: 0, toNormal: 0 });
    const list = await chief.get<{ items: TEquipment[] }>('/api/v1/equipment?inspectionState=overdue&limit=200');
    assert.ok(list.body.items.some((e) => e.id === over.id));
    assert.ok(list.body.items.every((e) => e.inspectionState === 'overdue'));
    const dueList = await chief.get<{ items: TEquipment[] }>('/api/v1/equipment?inspectionState=due&limit=200');
    assert.ok(dueList.body.items.some((e) => e.id === due.id));
    const inbox = (await chief.get<TInbox>('/api/v1/inbox?limit=50')).body;
    const all = [...inbox.groups.overdue, ...inbox.groups.dueToday, ...inbox.groups.dueWeek];
    const mine = all.filter((i) => i.module === 'equipment');
    assert.ok(mine.some((i) => i.kind === 'inspectionOverdue' && i.id === over.id));
    assert.ok(mine.some((i) => i.kind === 'inspectionApply' && i.id === due.id));
  });

  test('lift 维保: a record moves the last date; a lift without one in 15 days is flagged; import refuses a future date', async () => {
    const l = await makeEquipment(app.testDb.db, { tag: 'C' });
    await app.testDb.db.query('UPDATE equipment SET last_maintained_on = $2 WHERE id = $1', [
      l.id,
      addDays(today, -20),
    ]);
    const flagged = await chief.get<{ items: TEquipment[] }>('/api/v1/equipment?maintenanceOverdue=true&limit=200');
    assert.ok(flagged.body.items.some((e) => e.id === l.id && e.maintenanceOverdue));
    const inbox = (await chief.get<TInbox>('/api/v1/inbox?limit=50')).body;
    assert.ok(inbox.groups.overdue.some((i) => i.module === 'equipment' && i.kind === 'maintenance' && i.id === l.id));
    const head = ['设备代码', '维保日期', '维保单位', '维保人员'];
    const bad = await xlsx([head, [l.equipmentCode, addDays(today, 2), '某维保公司', '王工']]);
    const r1 = await upload(chief, 'maintenance', bad, 'm.xlsx');
    assert.equal(r1.body.imported, 0);
    assert.equal(r1.body.errors[0]!.column, '维保日期');
    const good = await xlsx([head, [l.equipmentCode, addDays(today, -1), '某维保公司', '王工']]);
    assert.equal((await upload(chief, 'maintenance', good, 'm.xlsx')).body.imported, 1);
    const after = (await chief.get<TEquipment>(`/api/v1/equipment/${l.id}`)).body;
    assert.equal(after.lastMaintainedOn, addDays(today, -1));
    assert.equal(after.maintenanceOverdue, false);
  });

  test('intervals are data: a settings holder edits one, others may not; the export is an XLSX', async () => {
    const rows = (
      await chief.get<
        { id: number; categoryCode: string; intervalMonths: number; version: number; verify: boolean; source: string }[]
      >('/api/v1/equipment/settings/intervals')
    ).body;
    const liftRow = rows.find((r) => r.categoryCode === '3000')!;
    assert.equal(liftRow.intervalMonths, 12);
    assert.equal(liftRow.verify, true);
    const body = { intervalMonths: 12, source: liftRow.source, verify: false, version: liftRow.version };
    assert.equal((await chief.patch(`/api/v1/equipment/settings/intervals/${liftRow.id}`, body)).status, 403);
    const ok = await admin.patch<{ verify: boolean }>(`/api/v1/equipment/settings/intervals/${liftRow.id}`, body);
    assert.equal(ok.status, 200);
    assert.equal(ok.body.verify, false);
    const res = await fetch(`${chief.baseUrl}/api/v1/equipment/export?category=3000`, {
      headers: { cookie: chief.cookie },
    });
    assert.equal(res.status, 200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    assert.equal(book.worksheets[0]!.getRow(1).getCell(1).value, '设备代码');
    assert.ok(book.worksheets[0]!.rowCount > 1);
    const map = await chief.get<{ points: unknown[]; townships: unknown[] }>('/api/v1/equipment/map');
    assert.equal(map.status, 200);
    assert.ok(map.body.townships.length >= 1);
    // Without a search the map reads no entity; a search by the entity's name still joins it and narrows the map.
    const total = (m: { townships: { total: number }[] }) => m.townships.reduce((n, t) => n + t.total, 0);
    const none = await chief.get<{ points: unknown[]; townships: { total: number }[] }>(
      `/api/v1/equipment/map?q=${encodeURIComponent('没有这个名字的单位')}`,
    );
    assert.equal(none.status, 200);
    assert.equal(total(none.body), 0);
    assert.equal(none.body.points.length, 0);
  });
});
