import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { makeEquipment } from '../../../tests/helpers/equipment-factory.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { verifyPlateCommand } from '../../cli/verify-plate.ts';
import type {
  TDirective,
  THazard,
  THazardGrade,
  TPlate,
  TPlateVerification,
} from '../../contracts/equipment-hazards.ts';
import type { TSupervision } from '../../contracts/equipment-supervisions.ts';
import type { TInbox } from '../../contracts/inbox.ts';
import { addDays } from '../../domain/equipment-hazard-workflow.ts';
import { placardUrl, signPlacard } from '../../domain/food-placard.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';
import { findCjkFont } from '../../platform/pdf.ts';

describe('特种设备 hazards → 指令书 → rectification, escalation, case leads, signed lift plates', () => {
  let app: TestApp;
  let chief: ApiClient;
  let otherChief: ApiClient;
  let admin: ApiClient;
  let clock = new Date();
  const today = () => shanghaiToday(clock);
  const q = (sql: string, params: unknown[] = []) => app.testDb.db.query<Record<string, unknown>>(sql, params);

  before(async () => {
    app = await startTestApp({ now: () => clock });
    chief = await loginAs(app, 's01.chief');
    otherChief = await loginAs(app, 's02.chief');
    admin = await loginAs(app, 'admin');
  });
  after(() => app.close());

  const inspect = (equipmentId: number, gradeCode = 'general', inUse = true) =>
    chief.post<{ hazards: { id: number; status: string }[]; caseLeadNo: string | null }>(
      '/api/v1/equipment/hazard-inspections',
      {
        equipmentId,
        foundOn: today(),
        inspectorNames: '张三、李四',
        inUse,
        hazards: [{ gradeCode, description: '轿厢门安全触板失效' }],
      },
    );

  test('grades are data: admins add one, chiefs may not; a bad grade is a 422 naming the field', async () => {
    const list = await chief.get<THazardGrade[]>('/api/v1/equipment/hazard-grades');
    assert.deepEqual(
      list.body.map((g) => g.name),
      ['一般隐患', '重大隐患'],
    );
    const body = { code: 'minor', name: '轻微隐患', rectifyDays: 45, requiresStop: false, sort: 5 };
    assert.equal((await chief.put('/api/v1/equipment/hazard-grades', body)).status, 403);
    const saved = await admin.put<THazardGrade[]>('/api/v1/equipment/hazard-grades', body);
    assert.equal(saved.status, 200);
    assert.equal(saved.body[0]!.code, 'minor');
    const eq = await makeEquipment(app.testDb.db, { tag: 'H' });
    const bad = await chief.post<{ errors: { path: string }[] }>('/api/v1/equipment/hazard-inspections', {
      equipmentId: eq.id,
      foundOn: today(),
      inspectorNames: '张三',
      hazards: [{ gradeCode: 'nope', description: 'x' }],
    });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.errors[0]!.path, 'hazards.0.gradeCode');
    assert.equal(
      (await q('SELECT count(*)::int AS n FROM equipment_hazards WHERE equipment_id = $1', [eq.id]))[0]!.n,
      0,
    );
  });

  test('an overdue lift in use → case lead; 指令书 numbered, PDF/DOCX; rectify, accept with re-inspection → 正常', async () => {
    const eq = await makeEquipment(app.testDb.db, {
      tag: 'H',
      nextInspectionDue: addDays(today(), -10),
      inspectionState: 'overdue',
    });
    const found = await inspect(eq.id);
    assert.equal(found.status, 200, JSON.stringify(found.body));
    assert.match(found.body.caseLeadNo ?? '', /^AY\d+/);
    const again = await inspect(eq.id);
    assert.equal(again.body.caseLeadNo, found.body.caseLeadNo, 'one lead per equipment and day');

    assert.equal(
      (await otherChief.post('/api/v1/equipment/directives', { hazardIds: [found.body.hazards[0]!.id] })).status,
      404,
    );
    const past = await chief.post<{ errors: { path: string }[] }>('/api/v1/equipment/directives', {
      hazardIds: [found.body.hazards[0]!.id],
      deadline: addDays(today(), -1),
    });
    assert.equal(past.status, 422);
    assert.equal(past.body.errors[0]!.path, 'deadline');
    const issued = await chief.post<TDirective>('/api/v1/equipment/directives', {
      hazardIds: [found.body.hazards[0]!.id, again.body.hazards[0]!.id],
    });
    assert.equal(issued.status, 200, JSON.stringify(issued.body));
    const d = issued.body;
    assert.match(d.docNo, new RegExp(`^S01特设指〔${today().slice(0, 4)}〕\\d+号$`));
    assert.equal(d.deadline, addDays(today(), 30));
    assert.equal(d.status, 'issued');
    assert.deepEqual(
      d.hazards.map((h) => h.status),
      ['ordered', 'ordered'],
    );
    const twice = await chief.post('/api/v1/equipment/directives', { hazardIds: [found.body.hazards[0]!.id] });
    assert.equal(twice.status, 409);

    if (findCjkFont({})) {
      const pdf = await fetch(`${app.baseUrl}/api/v1/equipment/directives/${d.id}/document`, {
        headers: { cookie: chief.cookie },
      });
      assert.equal(pdf.status, 200);
      assert.equal(
        Buffer.from(await pdf.arrayBuffer())
          .subarray(0, 4)
          .toString(),
        '%PDF',
      );
    }
    const docx = await fetch(`${app.baseUrl}/api/v1/equipment/directives/${d.id}/document?format=docx`, {
      headers: { cookie: chief.cookie },
    });
    assert.equal(docx.status, 200);
    assert.equal(
      Buffer.from(await docx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
      'PK',
    );

    const future = await chief.post(`/api/v1/equipment/directives/${d.id}/rectify`, {
      version: d.version,
      rectifiedOn: addDays(today(), 1),
      evidence: '更换安全触板，附照片',
    });
    assert.equal(future.status, 422);
    const early = await chief.post(`/api/v1/equipment/directives/${d.id}/accept`, {
      version: d.version,
      closedOn: today(),
    });
    assert.equal(early.status, 409, 'cannot accept before a rectification');
    const rectified = await chief.post<TDirective>(`/api/v1/equipment/directives/${d.id}/rectify`, {
      version: d.version,
      rectifiedOn: today(),
      evidence: '更换安全触板，附照片',
    });
    assert.equal(rectified.status, 200, JSON.stringify(rectified.body));
    assert.equal(rectified.body.status, 'rectified');
    const halfReinspection = await chief.post<{ errors: { path: string }[] }>(
      `/api/v1/equipment/directives/${d.id}/accept`,
      { version: rectified.body.version, closedOn: today(), reinspectedOn: today() },
    );
    assert.equal(halfReinspection.status, 422);
    const accepted = await chief.post<TDirective>(`/api/v1/equipment/directives/${d.id}/accept`, {
      version: rectified.body.version,
      closedOn: today(),
      reinspectedOn: today(),
      nextInspectionDue: addDays(today(), 365),
    });
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    assert.equal(accepted.body.status, 'closed');
    assert.equal(accepted.body.inspectionState, 'normal');
    assert.deepEqual(
      accepted.body.hazards.map((h) => h.status),
      ['closed', 'closed'],
    );
    assert.deepEqual(
      accepted.body.events.map((e) => e.action),
      ['issue', 'rectify', 'accept'],
    );
    const closedAgain = await chief.post<{ detail: string }>(`/api/v1/equipment/directives/${d.id}/rectify`, {
      version: accepted.body.version,
      rectifiedOn: today(),
      evidence: '再次整改',
    });
    assert.equal(closedAgain.status, 409);
    assert.match(closedAgain.body.detail, /已验收关闭/);
    const audits = await q(
      `SELECT action FROM audit_log WHERE target_type = 'equipmentDirective' AND target_id = $1 ORDER BY id`,
      [String(d.id)],
    );
    assert.deepEqual(
      audits.map((a) => a.action).filter((a) => a !== 'equipmentDirective.print'),
      ['equipmentDirective.issue', 'equipmentDirective.rectify', 'equipmentDirective.accept'],
    );
  });

  test('a 重大 hazard stops the lift; past the deadline the sweep escalates it with a case lead', async () => {
    const eq = await makeEquipment(app.testDb.db, { tag: 'H' });
    const found = await inspect(eq.id, 'major');
    assert.equal(found.body.caseLeadNo, null, 'an inspected lift in date raises no lead');
    const d = (await chief.post<TDirective>('/api/v1/equipment/directives', { hazardIds: [found.body.hazards[0]!.id] }))
      .body;
    assert.equal(d.requiresStop, true);
    assert.equal(d.deadline, addDays(today(), 15));
    assert.equal((await q('SELECT status FROM equipment WHERE id = $1', [eq.id]))[0]!.status, 'stopped');

    const real = clock;
    clock = new Date(clock.getTime() + 20 * 86_400_000);
    try {
      assert.ok((await app.services.equipmentDirectives.escalateOverdue()) >= 1);
      const after = (await chief.get<TDirective>(`/api/v1/equipment/directives/${d.id}`)).body;
      assert.equal(after.status, 'overdue');
      assert.match(after.caseLeadNo ?? '', /^AY\d+/);
      const inbox = await chief.get<TInbox>('/api/v1/inbox');
      assert.ok(
        inbox.body.groups.overdue.some((i) => i.module === 'equipment-hazards' && i.id === d.id && i.escalated),
      );
      assert.equal(await app.services.equipmentDirectives.escalateOverdue(), 0, 'escalated once');
    } finally {
      clock = real;
    }
  });

  test('lift plates: signed, valid, expired when the date passes, superseded, forged; a food signature never passes', async () => {
    const eq = await makeEquipment(app.testDb.db, { tag: 'H', nextInspectionDue: addDays(today(), 5) });
    const boiler = await makeEquipment(app.testDb.db, { tag: 'H', categoryCode: '1100' });
    assert.equal((await chief.post('/api/v1/equipment/plates', { equipmentId: boiler.id })).status, 409);
    assert.equal((await otherChief.post('/api/v1/equipment/plates', { equipmentId: eq.id })).status, 403);
    const res = await chief.post<TPlate>('/api/v1/equipment/plates', { equipmentId: eq.id });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const plate = res.body;
    assert.ok(plate.url.startsWith(`${app.baseUrl}/portal/plate?`));
    const anonymous = new (chief.constructor as typeof ApiClient)(app.baseUrl);
    const verify = async (url: string) =>
      (await anonymous.get<TPlateVerification>(`/api/v1/public/plates/verify${new URL(url).search}`)).body;
    const v = await verify(plate.url);
    assert.equal(v.status, 'valid');
    assert.equal(v.emergencyNumber, '96333');
    assert.equal(v.equipment?.nextInspectionDue, addDays(today(), 5));

    const real = clock;
    clock = new Date(clock.getTime() + 7 * 86_400_000);
    try {
      assert.equal((await verify(plate.url)).status, 'expired');
    } finally {
      clock = real;
    }

    const forgedUrl = new URL(plate.url);
    forgedUrl.searchParams.set('v', '20991231');
    assert.deepEqual(
      [(await verify(forgedUrl.toString())).status, (await verify(forgedUrl.toString())).reason],
      ['forged', 'badSignature'],
    );
    // The same key signing a food placard with this id: the scheme line differs, so it is no plate.
    const signer = await app.services.signingKeys.signer();
    const food = {
      kid: signer.kid,
      placardId: plate.id,
      uscc: '91440605MA00000000',
      grade: 'A' as const,
      issuedOn: today(),
    };
    const foodSig = signPlacard(food, signer.privateKey);
    const crossed = new URL(plate.url);
    crossed.searchParams.set('s', foodSig);
    assert.equal((await verify(crossed.toString())).reason, 'badSignature');
    assert.ok(placardUrl(app.baseUrl, food, foodSig).includes('/portal/placard'));

    // Offline: the CLI checks the signature with the published keys.
    const keys = JSON.stringify(await app.services.signingKeys.list());
    const quiet = console.log;
    console.log = () => {};
    try {
      assert.equal(await verifyPlateCommand([plate.url], async () => keys), 0);
      assert.equal(await verifyPlateCommand([forgedUrl.toString()], async () => keys), 1);
      assert.equal(await verifyPlateCommand([crossed.toString()], async () => keys), 1);
    } finally {
      console.log = quiet;
    }

    const newer = (await chief.post<TPlate>('/api/v1/equipment/plates', { equipmentId: eq.id })).body;
    assert.equal((await verify(plate.url)).status, 'superseded');
    assert.equal((await verify(newer.url)).status, 'valid');
    const list = await chief.get<TPlate[]>(`/api/v1/equipment/plates?equipmentId=${eq.id}`);
    assert.deepEqual(
      list.body.map((p) => [p.id, p.current]),
      [
        [newer.id, true],
        [plate.id, false],
      ],
    );
  });
});

describe('特种设备监督检查 on the visit engine, 整改证据 files, the hazard list export', () => {
  let app: TestApp;
  let chief: ApiClient;
  let otherChief: ApiClient;
  let inspector: ApiClient;
  const today = () => shanghaiToday();
  const q = (sql: string, params: unknown[] = []) => app.testDb.db.query<Record<string, unknown>>(sql, params);
  type Problem = { errors?: { path: string }[] };
  const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64, 7)]);

  before(async () => {
    app = await startTestApp();
    [chief, otherChief, inspector] = await Promise.all([
      loginAs(app, 's01.chief'),
      loginAs(app, 's02.chief'),
      loginAs(app, 's01.inspector'),
    ]);
  });
  after(() => app.close());

  const upload = async (as: ApiClient, directiveId: number, data: Buffer, name: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(data)]), name);
    const res = await fetch(`${app.baseUrl}/api/v1/equipment/directives/${directiveId}/files`, {
      method: 'POST',
      body: form,
      headers: { cookie: as.cookie, 'x-csrf-token': as.csrfToken },
    });
    return { status: res.status, body: (await res.json()) as TDirective['files'] & Problem };
  };

  let directive: TDirective;
  let hazardIds: number[];

  test('a chief schedules, an inspector opens the visit and records hazards on the entity’s equipment', async () => {
    const lift = await makeEquipment(app.testDb.db, { tag: 'K' });
    const boiler = await makeEquipment(app.testDb.db, { tag: 'K', entityId: lift.entityId, categoryCode: '1000' });
    const elsewhere = await makeEquipment(app.testDb.db, { tag: 'K' });
    const planned = await chief.post<TSupervision>('/api/v1/equipment/supervisions', { entityId: lift.entityId });
    assert.equal(planned.status, 200, JSON.stringify(planned.body));
    const s = planned.body;
    assert.equal(s.status, 'planned');
    assert.deepEqual(s.equipment.map((e) => e.id).sort(), [lift.id, boiler.id].sort());
    assert.equal((await otherChief.get(`/api/v1/equipment/supervisions/${s.id}`)).status, 404);
    const hazards = { equipmentId: lift.id, hazards: [{ gradeCode: 'general', description: '限速器校验过期' }] };
    assert.equal((await inspector.post(`/api/v1/equipment/supervisions/${s.id}/hazards`, hazards)).status, 409);

    const alone = await inspector.post<Problem>(`/api/v1/equipment/supervisions/${s.id}/start`, {
      version: s.version,
      inspectorIds: [],
    });
    assert.equal(alone.status, 422);
    assert.equal(alone.body.errors?.[0]?.path, 'inspectorIds');
    const [other] = await q(
      `SELECT i.id FROM spot_check_inspectors i JOIN users u ON u.id = i.user_id WHERE u.username = 's01.inspector2'`,
    );
    const started = await inspector.post<TSupervision>(`/api/v1/equipment/supervisions/${s.id}/start`, {
      version: s.version,
      inspectorIds: [other!.id],
    });
    assert.equal(started.status, 200, JSON.stringify(started.body));
    assert.equal(started.body.status, 'inProgress');
    assert.equal(started.body.inspectors.length, 2);
    assert.equal(started.body.canRecord, true);
    const visitId = started.body.visitId!;
    const [visit] = await q(
      `SELECT v.status, p.kind FROM spot_check_visits v JOIN spot_check_plans p ON p.id = v.plan_id WHERE v.id = $1`,
      [visitId],
    );
    assert.deepEqual(visit, { status: 'assigned', kind: 'equipment' });

    // Only the visit's inspectors record; only the visited entity's equipment.
    assert.equal((await chief.post(`/api/v1/equipment/supervisions/${s.id}/hazards`, hazards)).status, 403);
    const foreign = await inspector.post<Problem>(`/api/v1/equipment/supervisions/${s.id}/hazards`, {
      ...hazards,
      equipmentId: elsewhere.id,
    });
    assert.equal(foreign.status, 422);
    assert.equal(foreign.body.errors?.[0]?.path, 'equipmentId');
    const recorded = await inspector.post<{ hazards: THazard[] }>(`/api/v1/equipment/supervisions/${s.id}/hazards`, {
      equipmentId: lift.id,
      hazards: [
        { gradeCode: 'general', description: '限速器校验过期' },
        { gradeCode: 'general', description: '轿厢应急照明失效' },
      ],
    });
    assert.equal(recorded.status, 200, JSON.stringify(recorded.body));
    assert.deepEqual(
      recorded.body.hazards.map((h) => [h.visitId, h.status]),
      [
        [visitId, 'open'],
        [visitId, 'open'],
      ],
    );
    hazardIds = recorded.body.hazards.map((h) => h.id);
    const detail = await chief.get<TSupervision>(`/api/v1/equipment/supervisions/${s.id}`);
    assert.deepEqual(
      detail.body.hazards.map((h) => h.id),
      hazardIds,
    );
    assert.equal(detail.body.canRecord, false, 'the chief is not one of the visit’s inspectors');
    const ofLift = await chief.get<THazard[]>(`/api/v1/equipment/hazards?equipmentId=${lift.id}`);
    assert.ok(ofLift.body.every((h) => h.visitId === visitId));

    // The hazards follow the existing workflow: the chief orders their rectification.
    const issued = await chief.post<TDirective>('/api/v1/equipment/directives', { hazardIds });
    assert.equal(issued.status, 200, JSON.stringify(issued.body));
    directive = issued.body;
    assert.deepEqual(directive.files, []);
    assert.equal(directive.canUpload, true);

    const done = await inspector.post<TSupervision>(`/api/v1/equipment/supervisions/${s.id}/complete`, {
      version: started.body.version,
      findings: '发现两处隐患，已下达指令书',
    });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.status, 'done');
    assert.equal(done.body.visitStatus, 'inspected');
    assert.equal((await inspector.post(`/api/v1/equipment/supervisions/${s.id}/hazards`, hazards)).status, 409);
    const list = await chief.get<{ items: { id: number; hazardCount: number }[] }>(
      `/api/v1/equipment/supervisions?entityId=${lift.entityId}`,
    );
    assert.deepEqual(
      list.body.items.map((r) => [r.id, r.hazardCount]),
      [[s.id, 2]],
    );
  });

  test('rectification evidence: photos and PDF only, size-capped, served through the order', async () => {
    const photo = await upload(chief, directive.id, png, '整改后照片.png');
    assert.equal(photo.status, 201, JSON.stringify(photo.body));
    const pdf = await upload(chief, directive.id, Buffer.from('%PDF-1.4\n% 整改报告\n%%EOF\n'), '整改报告.pdf');
    assert.equal(pdf.status, 201);
    assert.deepEqual(
      pdf.body.map((f) => f.mimeType),
      ['image/png', 'application/pdf'],
    );
    const text = await upload(chief, directive.id, Buffer.from('just some words here'), 'notes.txt');
    assert.equal(text.status, 422);
    assert.equal(text.body.errors?.[0]?.path, 'file');
    const big = await upload(chief, directive.id, Buffer.concat([png, Buffer.alloc(10 * 1024 * 1024)]), 'big.png');
    assert.equal(big.status, 422);
    assert.equal(big.body.errors?.[0]?.path, 'file');
    assert.equal((await upload(otherChief, directive.id, png, 'x.png')).status, 404);

    const d = await chief.get<TDirective>(`/api/v1/equipment/directives/${directive.id}`);
    assert.equal(d.body.files.length, 2);
    const file = d.body.files[0]!;
    const got = await fetch(`${app.baseUrl}/api/v1/equipment/directives/${directive.id}/files/${file.id}`, {
      headers: { cookie: chief.cookie },
    });
    assert.equal(got.status, 200);
    assert.equal(got.headers.get('x-content-sha256'), file.sha256);
    assert.deepEqual(Buffer.from(await got.arrayBuffer()), png);
    const generic = await fetch(`${app.baseUrl}/api/v1/files/${file.id}`, { headers: { cookie: chief.cookie } });
    assert.equal(generic.status, 404, 'served through the order only');
    const outsider = await fetch(`${app.baseUrl}/api/v1/equipment/directives/${directive.id}/files/${file.id}`, {
      headers: { cookie: otherChief.cookie },
    });
    assert.equal(outsider.status, 404);
    const [audit] = await q(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'equipmentDirective.evidenceFile' AND target_id = $1`,
      [String(directive.id)],
    );
    assert.equal(audit!.n, 2);

    const rectified = await chief.post<TDirective>(`/api/v1/equipment/directives/${directive.id}/rectify`, {
      version: d.body.version,
      rectifiedOn: today(),
      evidence: '已校验限速器、修复应急照明，附照片与报告',
    });
    assert.equal(rectified.status, 200);
    const closed = await chief.post<TDirective>(`/api/v1/equipment/directives/${directive.id}/accept`, {
      version: rectified.body.version,
      closedOn: today(),
    });
    assert.equal(closed.status, 200);
    assert.equal(closed.body.canUpload, false);
    assert.equal((await upload(chief, directive.id, png, 'late.png')).status, 409);
  });

  test('the hazard list exports as XLSX with the list’s filters and scope, audited', async () => {
    const xlsx = async (as: ApiClient, query: string) => {
      const res = await fetch(`${app.baseUrl}/api/v1/equipment/hazards/export${query}`, {
        headers: { cookie: as.cookie },
      });
      assert.equal(res.status, 200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await res.arrayBuffer());
      const sheet = book.worksheets[0]!;
      const ids: unknown[] = [];
      sheet.eachRow((row, n) => {
        if (n > 1) ids.push(row.getCell(1).value);
      });
      return { header: sheet.getRow(1).getCell(1).value, ids };
    };
    const closed = await xlsx(chief, `?status=closed&equipmentId=${directive.equipmentId}`);
    assert.equal(closed.header, '隐患编号');
    assert.deepEqual(closed.ids, [...hazardIds].reverse());
    assert.deepEqual((await xlsx(chief, `?status=issued&equipmentId=${directive.equipmentId}`)).ids, []);
    assert.deepEqual((await xlsx(otherChief, `?equipmentId=${directive.equipmentId}`)).ids, []);
    const bad = await chief.get<Problem>('/api/v1/equipment/hazards/export?status=nope');
    assert.equal(bad.status, 422);
    // The audit row is written once the stream ends.
    for (let i = 0; i < 50; i++) {
      const [row] = await q(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'equipmentHazard.export'`);
      if ((row!.n as number) >= 3) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const [audit] = await q(`SELECT detail FROM audit_log WHERE action = 'equipmentHazard.export' ORDER BY id LIMIT 1`);
    assert.equal((audit!.detail as { rowCount: number }).rowCount, 2);
  });
});
