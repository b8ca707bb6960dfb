import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pdfText } from '../../../tests/helpers/pdf-text.ts';
import { makePng } from '../../../tests/helpers/png.ts';
import { assignVisitTo, drawnTask, insertEntities, itemIds } from '../../../tests/helpers/spot-check-factories.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TVisitSignatures } from '../../contracts/spot-check-signatures.ts';
import type { TVisitDetail, TVisitSummary } from '../../contracts/spot-checks.ts';

type Problem = { status: number; code: string; detail: string; errors: { path: string }[] };

describe('spot-check 检查记录表: signatures captured on the phone, printed in the record', () => {
  let app: TestApp;
  let admin: ApiClient;
  let inspector: ApiClient;
  let partner: ApiClient;
  let visit: TVisitDetail;
  let itemId: number;

  before(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'admin');
    const db = app.services.db;
    await insertEntities(db, { count: 1, stationCode: 's02', riskClass: 'B' });
    const task = await drawnTask(admin, db, { name: '签名测试抽查', stationCodes: ['s02'], itemCodes: ['DJ-01'] });
    const list = (await admin.get<{ items: TVisitSummary[] }>(`/api/v1/spot-checks/visits?taskId=${task.id}`)).body;
    const id = list.items[0]!.id;
    await assignVisitTo(db, id, ['s03.inspector', 's04.inspector']);
    await db.query(`UPDATE users SET enforcement_credential_no = 'ZF4406' || id WHERE username = 's03.inspector'`);
    itemId = (await itemIds(db, ['DJ-01']))[0]!;
    inspector = await loginAs(app, 's03.inspector');
    partner = await loginAs(app, 's04.inspector');
    visit = (await inspector.get<TVisitDetail>(`/api/v1/spot-checks/visits/${id}`)).body;
  });
  after(() => app.close());

  const sign = async (as: ApiClient, body: Buffer, fields: Record<string, string>) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(body)], { type: 'image/png' }), 'signature.png');
    const res = await fetch(`${app.baseUrl}/api/v1/spot-checks/visits/${visit.id}/signatures`, {
      method: 'POST',
      body: form,
      headers: { cookie: as.cookie, 'x-csrf-token': as.csrfToken },
    });
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      body: (await res.json()) as TVisitSignatures & Problem,
    };
  };
  const record = (category: string) =>
    inspector.put<TVisitDetail>(`/api/v1/spot-checks/visits/${visit.id}/results`, {
      itemId,
      category,
      notes: category === 'noProblem' ? undefined : '未按规定公示年度报告',
    });
  const entitySign = { signer: 'entity', signerName: '王建国' };
  const signatureFiles = async () =>
    (
      await app.services.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM stored_files WHERE purpose = 'inspection-signature'`,
      )
    )[0]!.n;

  it('refuses anyone who is not one of the drawn inspectors, and an unfinished record', async () => {
    const sameStation = await loginAs(app, 's02.inspector');
    const refused = await sign(sameStation, makePng(300, 100), entitySign);
    assert.equal(refused.status, 403);
    assert.equal(refused.body.code, 'FORBIDDEN');
    assert.match(refused.body.detail, /检查人员/);
    assert.equal((await sign(admin, makePng(300, 100), entitySign)).status, 403, 'a bureau-wide role is not the team');
    assert.equal((await sign(await loginAs(app, 's05.inspector'), makePng(300, 100), entitySign)).status, 404);
    const early = await sign(inspector, makePng(300, 100), entitySign);
    assert.equal(early.status, 422, 'no result entered yet');
    assert.match(early.body.detail, /未录入结果/);
    assert.equal(await signatureFiles(), 0);
  });

  it('answers 400 in Chinese for anything that is not a sane PNG', async () => {
    assert.equal((await record('correctedOnOrder')).status, 200);
    const jpeg = Buffer.concat([Buffer.from('ffd8ffe000104a464946', 'hex'), Buffer.alloc(200, 7)]);
    const png = makePng(300, 100);
    const badCrc = Buffer.from(png);
    badCrc[30] = badCrc[30]! ^ 0xff;
    const cases: [string, Buffer, RegExp][] = [
      ['jpeg', jpeg, /不是 PNG/],
      ['text', Buffer.from('not an image at all, just text pretending'), /不是 PNG/],
      ['crc', badCrc, /校验失败|尺寸|格式/],
      ['truncated', png.subarray(0, png.length - 20), /不完整/],
      ['huge canvas', makePng(5000, 30), /尺寸/],
      ['tiny', makePng(10, 5), /尺寸/],
      ['too many bytes', Buffer.concat([png, Buffer.alloc(600 * 1024)]), /不能超过|多余/],
    ];
    for (const [label, body, message] of cases) {
      const res = await sign(inspector, body, entitySign);
      assert.equal(res.status, 400, `${label}: ${JSON.stringify(res.body)}`);
      assert.match(res.type ?? '', /application\/problem\+json/);
      assert.match(res.body.detail, message, label);
      assert.match(res.body.detail, /[\u4e00-\u9fff]/);
    }
    const noName = await sign(inspector, png, { signer: 'entity' });
    assert.equal(noName.status, 422);
    assert.equal(noName.body.errors[0]?.path, 'signerName');
    assert.equal(await signatureFiles(), 0);
  });

  it('records the entity and each inspector, audited; the PDF carries names, cert numbers and the images', async () => {
    const byEntity = await sign(inspector, makePng(600, 200), entitySign);
    assert.equal(byEntity.status, 201, JSON.stringify(byEntity.body));
    assert.equal((await sign(inspector, makePng(600, 200), { signer: 'inspector' })).status, 201);
    // Signing again replaces the earlier image (one per signer).
    const again = await sign(partner, makePng(400, 150), { signer: 'inspector' });
    assert.equal((await sign(partner, makePng(420, 150), { signer: 'inspector' })).status, 201);
    assert.equal(again.status, 201);
    const list = (await admin.get<TVisitSignatures>(`/api/v1/spot-checks/visits/${visit.id}/signatures`)).body;
    assert.deepEqual(
      list.signers.map((s) => [s.signer, s.name, s.signed]),
      [['entity', '王建国', true], ...visit.inspectors.map((i) => ['inspector', i.name, true])],
    );
    assert.equal(list.canSign, false, 'the admin only reads');
    assert.equal(await signatureFiles(), 3);
    const image = await fetch(`${app.baseUrl}${list.signers[0]!.imageUrl}`, { headers: { cookie: admin.cookie } });
    assert.equal(image.status, 200);
    assert.equal(image.headers.get('content-type'), 'image/png');
    const audit = await app.services.db.query<{ detail: { signer: string; signerName: string } }>(
      `SELECT detail FROM audit_log WHERE action = 'spotcheck.visit.sign' AND target_id = $1 ORDER BY id`,
      [String(visit.id)],
    );
    assert.deepEqual(
      audit.map((a) => a.detail.signer),
      ['entity', 'inspector', 'inspector', 'inspector'],
    );

    const res = await fetch(`${app.baseUrl}${list.recordPdfUrl}`, { headers: { cookie: admin.cookie } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    const text = pdfText(pdf);
    assert.match(text, /检查记录表/);
    assert.ok(text.includes(visit.entityName), 'entity name');
    assert.ok(text.includes(visit.uscc), 'USCC');
    assert.ok(text.includes('王建国'), 'the entity signer');
    for (const i of visit.inspectors) assert.ok(text.includes(i.name), `inspector ${i.name}`);
    assert.match(text, /执法证号：ZF4406\d+/);
    assert.match(text, /未按规定公示年度报告/, 'the problem found');
    assert.match(text, /第 1 页 共 \d 页/);
    // Each drawn signature is an image with its transparency as a soft mask.
    assert.equal(pdf.toString('latin1').match(/\/SMask \d+ 0 R/g)?.length, 3, 'three signature images');
  });

  it('a changed result clears the signatures (they signed a different record)', async () => {
    assert.equal((await record('noProblem')).status, 200);
    const list = (await inspector.get<TVisitSignatures>(`/api/v1/spot-checks/visits/${visit.id}/signatures`)).body;
    assert.ok(list.signers.every((s) => !s.signed));
    assert.equal(list.canSign, true);
    assert.equal(await signatureFiles(), 0);
    const [cleared] = await app.services.db.query<{ detail: { signers: string[] } }>(
      `SELECT detail FROM audit_log WHERE action = 'spotcheck.visit.signatures.clear' AND target_id = $1`,
      [String(visit.id)],
    );
    assert.equal(cleared?.detail.signers.length, 3);
    const text = pdfText(
      Buffer.from(
        await (
          await fetch(`${app.baseUrl}${list.recordPdfUrl}`, { headers: { cookie: inspector.cookie } })
        ).arrayBuffer(),
      ),
    );
    assert.match(text, /未签名/);
    assert.match(text, /本次检查未发现问题/);
  });
});
