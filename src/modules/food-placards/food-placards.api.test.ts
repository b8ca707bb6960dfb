import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { verifyPlacardCommand } from '../../cli/verify-placard.ts';
import type { TFoodPlacard, TPlacardKeys, TPlacardVerification } from '../../contracts/food-placards.ts';
import { keyIdOf, parsePlacardUrl, placardUrl, signPlacard } from '../../domain/food-placard.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';
import { makeUscc } from '../../domain/uscc.ts';
import { findCjkFont } from '../../platform/pdf.ts';

const today = shanghaiToday();
let seq = 0;
const dir = mkdtempSync(join(tmpdir(), 'placards-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A second bureau key, PKCS#8 PEM as PLACARD_SIGNING_KEY takes it. */
const rotated = generateKeyPairSync('ed25519');
const rotatedPem = rotated.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

describe('signed QR placards: issue, verify (valid, forged, altered, superseded), print, CLI, rotation', () => {
  let app: TestApp;
  let chief: ApiClient;
  let otherChief: ApiClient;
  let hotline: ApiClient;
  let leader: ApiClient;
  const biz = { id: 0, uscc: '', gradeId: 0 };
  let placard: TFoodPlacard;

  const q = (sql: string, params: unknown[] = []) => app.testDb.db.query<Record<string, unknown>>(sql, params);

  /** A food business in station s01 with a done inspection and a current dynamic grade (as the grade engine makes). */
  async function makeGradedBusiness(grade: string) {
    seq++;
    const uscc = makeUscc(
      '92',
      '440605',
      `P${String(process.pid % 1000).padStart(3, '0')}${String(seq).padStart(4, '0')}`,
    );
    const [e] = await q(
      `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on)
       SELECT $1, 'individualBusiness', $2, ''::tsvector, id, '2020-01-01' FROM org_units WHERE code = 's01' RETURNING id`,
      [uscc, `公示牌测试${seq}号餐馆`],
    );
    const [b] = await q(
      `INSERT INTO food_businesses (entity_id, station_id) SELECT $1, station_id FROM entities WHERE id = $1 RETURNING id`,
      [e!.id],
    );
    const businessId = Number(b!.id);
    await q(
      `INSERT INTO food_licences (business_id, kind, licence_no, categories, issued_on, valid_until, renewal_due_on)
       VALUES ($1, 'operation', $2, '{hotFood}', '2025-01-01', '2029-12-31', '2029-11-01')`,
      [businessId, `JY2440605${String(100000 + seq)}0`],
    );
    const gradeId = await addGrade(businessId, grade, '2026-11-20');
    return { id: businessId, uscc, gradeId };
  }

  /** A newer dynamic grade (with its inspection) superseding the current one, as the grade engine does. */
  async function addGrade(businessId: number, grade: string, on: string): Promise<number> {
    const [i] = await q(
      `INSERT INTO food_inspections (business_id, kind, status, inspected_on, result, score, station_id)
       SELECT $1, 'routine', 'done', $2, $3, 80, station_id FROM food_businesses WHERE id = $1 RETURNING id`,
      [businessId, on, grade === 'fair' ? 'basicPass' : 'pass'],
    );
    const [old] = await q(
      `SELECT id FROM food_grades WHERE business_id = $1 AND kind = 'dynamic' AND status = 'current'`,
      [businessId],
    );
    if (old) await q(`UPDATE food_grades SET status = 'superseded', superseded_on = $2 WHERE id = $1`, [old.id, on]);
    const [g] = await q(
      `INSERT INTO food_grades (business_id, kind, grade, score, inspection_id, graded_on)
       VALUES ($1, 'dynamic', $2, 80, $3, $4) RETURNING id`,
      [businessId, grade, i!.id, on],
    );
    if (old) await q(`UPDATE food_grades SET superseded_by = $2 WHERE id = $1`, [old.id, g!.id]);
    return Number(g!.id);
  }

  const verifyUrl = async (url: string, client: { get: ApiClient['get'] } = chief) => {
    const query = new URL(url).search;
    const res = await client.get<TPlacardVerification>(`/api/v1/public/placards/verify${query}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body;
  };
  /** The URL with one query parameter replaced (what a forger edits). */
  const withParam = (url: string, key: string, value: string) => {
    const u = new URL(url);
    u.searchParams.set(key, value);
    return u.toString();
  };

  before(async () => {
    app = await startTestApp();
    chief = await loginAs(app, 's01.chief');
    otherChief = await loginAs(app, 's02.chief');
    hotline = await loginAs(app, 'hotline');
    leader = await loginAs(app, 'leader');
    Object.assign(biz, await makeGradedBusiness('excellent'));
  });
  after(() => app.close());

  test('issuing needs food:write and reach, and a current grade; it is audited', async () => {
    assert.equal((await hotline.post(`/api/v1/food/businesses/${biz.id}/placards`, {})).status, 403);
    assert.equal((await leader.post(`/api/v1/food/businesses/${biz.id}/placards`, {})).status, 403);
    assert.equal((await otherChief.post(`/api/v1/food/businesses/${biz.id}/placards`, {})).status, 404);
    const annual = await chief.post<{ detail: string }>(`/api/v1/food/businesses/${biz.id}/placards`, {
      kind: 'annual',
    });
    assert.equal(annual.status, 409);
    assert.match(annual.body.detail, /没有当前年度等级/);

    const res = await chief.post<TFoodPlacard>(`/api/v1/food/businesses/${biz.id}/placards`, {});
    assert.equal(res.status, 200, JSON.stringify(res.body));
    placard = res.body;
    assert.equal(placard.grade, 'excellent');
    assert.equal(placard.issuedOn, today);
    assert.equal(placard.gradeStatus, 'current');
    assert.ok(placard.url.startsWith(`${app.baseUrl}/portal/placard?k=${placard.kid}&i=${placard.id}&`), placard.url);
    assert.ok(placard.url.length < 220, `short enough for a QR code: ${placard.url.length}`);
    const [audit] = await q(`SELECT detail FROM audit_log WHERE action = 'food.placard.issue' AND target_id = $1`, [
      String(placard.id),
    ]);
    assert.equal((audit!.detail as { grade: string }).grade, 'excellent');

    const list = await chief.get<TFoodPlacard[]>(`/api/v1/food/businesses/${biz.id}/placards`);
    assert.deepEqual(
      list.body.map((p) => p.id),
      [placard.id],
    );
    assert.deepEqual((await otherChief.get<TFoodPlacard[]>(`/api/v1/food/businesses/${biz.id}/placards`)).body, []);
  });

  test('a genuine placard is valid on the public page, without login, with the latest inspection', async () => {
    const anonymous = { get: (path: string) => new (chief.constructor as typeof ApiClient)(app.baseUrl).get(path) };
    const v = await verifyUrl(placard.url, anonymous as never);
    assert.equal(v.status, 'valid');
    assert.equal(v.reason, null);
    assert.equal(v.placard?.grade, 'excellent');
    assert.equal(v.business?.name, `公示牌测试${seq}号餐馆`);
    assert.match(v.business?.licenceNo ?? '', /^JY2440605/);
    assert.equal(v.current?.grade, 'excellent');
    assert.deepEqual(v.latestInspection, { inspectedOn: '2026-11-20', result: 'pass' });
  });

  test('forged: random signature, a wrong key under the bureau key id, an unknown key id, a placard never issued', async () => {
    const random = withParam(placard.url, 's', Buffer.alloc(64, 7).toString('base64url'));
    assert.deepEqual([(await verifyUrl(random)).status, (await verifyUrl(random)).reason], ['forged', 'badSignature']);

    const parsed = parsePlacardUrl(placard.url)!;
    const wrongKey = generateKeyPairSync('ed25519');
    const underBureauKid = placardUrl(app.baseUrl, parsed.fields, signPlacard(parsed.fields, wrongKey.privateKey));
    const v1 = await verifyUrl(underBureauKid);
    assert.equal(v1.status, 'forged');
    assert.equal(v1.reason, 'badSignature');
    assert.equal(v1.business, null, 'a forged placard reveals nothing');

    const ownKid = { ...parsed.fields, kid: keyIdOf(wrongKey.publicKey) };
    const v2 = await verifyUrl(placardUrl(app.baseUrl, ownKid, signPlacard(ownKid, wrongKey.privateKey)));
    assert.deepEqual([v2.status, v2.reason], ['forged', 'unknownKey']);

    // Even the bureau's own key does not make a placard that is not on record valid.
    const signer = await app.services.foodPlacardKeys.signer();
    const ghost = { ...parsed.fields, placardId: 999_999 };
    const v3 = await verifyUrl(placardUrl(app.baseUrl, ghost, signPlacard(ghost, signer.privateKey)));
    assert.deepEqual([v3.status, v3.reason], ['forged', 'notIssued']);

    const v4 = await verifyUrl(withParam(placard.url, 'e', '91440605MA5XXXXXX'));
    assert.deepEqual([v4.status, v4.reason], ['forged', 'malformed']);
  });

  test('altered: the grade or the date changed in the URL is forged', async () => {
    for (const [key, value] of [
      ['g', 'good'],
      ['g', 'A'],
      ['d', '20991231'],
      ['d', today.replaceAll('-', '').replace(/\d$/, (c) => String((Number(c) + 1) % 10))],
      ['i', String(placard.id + 1)],
    ] as const) {
      const v = await verifyUrl(withParam(placard.url, key, value));
      assert.deepEqual([v.status, v.reason], ['forged', 'badSignature'], `${key}=${value}`);
    }
  });

  test('superseded: after a downgrade the old placard says when and by which grade, with the current grade', async () => {
    const other = await makeGradedBusiness('good');
    const own = await chief.post<TFoodPlacard>(`/api/v1/food/businesses/${other.id}/placards`, {});
    assert.equal((await verifyUrl(own.body.url)).status, 'valid');
    await addGrade(other.id, 'fair', '2026-12-01');
    const v = await verifyUrl(own.body.url);
    assert.equal(v.status, 'superseded');
    assert.equal(v.supersededOn, '2026-12-01');
    assert.equal(v.supersededBy, 'fair');
    assert.deepEqual(v.current, { grade: 'fair', gradedOn: '2026-12-01' });
    assert.deepEqual(v.latestInspection, { inspectedOn: '2026-12-01', result: 'basicPass' });
    const listed = await chief.get<TFoodPlacard[]>(`/api/v1/food/businesses/${other.id}/placards`);
    assert.equal(listed.body[0]!.gradeStatus, 'superseded');
    // A new placard for the new grade is valid again; the old one stays superseded.
    const renewed = await chief.post<TFoodPlacard>(`/api/v1/food/businesses/${other.id}/placards`, {});
    assert.equal((await verifyUrl(renewed.body.url)).status, 'valid');
    assert.equal((await verifyUrl(own.body.url)).status, 'superseded');
  });

  test('the placard prints as A4 and A5 PDF', { skip: !findCjkFont({}) && 'no CJK font' }, async () => {
    for (const size of ['A4', 'A5'] as const) {
      const res = await fetch(`${app.baseUrl}/api/v1/food/placards/${placard.id}/pdf?size=${size}`, {
        headers: { cookie: chief.cookie },
      });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/pdf');
      const bytes = Buffer.from(await res.arrayBuffer());
      assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
      const box = size === 'A4' ? /MediaBox \[0 0 595\.28 841\.89\]/ : /MediaBox \[0 0 419\.53 595\.28\]/;
      assert.match(bytes.toString('latin1'), box);
    }
    const out = await fetch(`${app.baseUrl}/api/v1/food/placards/${placard.id}/pdf`, {
      headers: { cookie: otherChief.cookie },
    });
    assert.equal(out.status, 404);
  });

  test('the CLI verifies offline with the published public key: valid 0, forged 1', async (t) => {
    const keys = await chief.get<TPlacardKeys>('/api/v1/public/placards/keys');
    assert.equal(keys.status, 200);
    assert.equal(keys.body.keys.find((k) => k.active)?.kid, placard.kid);
    const jsonFile = join(dir, 'keys.json');
    writeFileSync(jsonFile, JSON.stringify(keys.body));
    const pemFile = join(dir, 'key.pem');
    writeFileSync(pemFile, `# kid: ${placard.kid}\n${keys.body.keys[0]!.publicKey}`);
    const out: string[] = [];
    t.mock.method(console, 'log', (...a: unknown[]) => out.push(a.join(' ')));
    t.mock.method(console, 'error', (...a: unknown[]) => out.push(a.join(' ')));
    assert.equal(await verifyPlacardCommand([placard.url, '--public-key', jsonFile]), 0, out.join('\n'));
    assert.match(out.join('\n'), /valid：签名有效/);
    assert.match(out.join('\n'), new RegExp(`统一社会信用代码: ${biz.uscc}`));
    assert.equal(await verifyPlacardCommand([placard.url, '--public-key', pemFile]), 0);
    assert.equal(await verifyPlacardCommand([withParam(placard.url, 'g', 'fair'), '--public-key', pemFile]), 1);
    assert.equal(await verifyPlacardCommand(['https://x/portal/placard?k=abc', '--public-key', pemFile]), 1);
    assert.equal(await verifyPlacardCommand([]), 2);
    assert.match(out.join('\n'), /forged：伪造\/无效（签名与内容不符/);
  });

  test('restart and rotation: a second process keeps the generated key; a configured key signs new placards and old ones stay valid', async () => {
    const restarted = await startTestApp({ testDb: app.testDb });
    try {
      assert.equal((await restarted.services.foodPlacardKeys.signer()).kid, placard.kid);
      assert.equal(
        (await verifyUrl(placard.url, new (chief.constructor as typeof ApiClient)(restarted.baseUrl))).status,
        'valid',
      );
    } finally {
      await restarted.close();
    }
    const next = await startTestApp({ testDb: app.testDb, env: { PLACARD_SIGNING_KEY: rotatedPem } });
    try {
      const nextChief = await loginAs(next, 's01.chief');
      const fresh = await nextChief.post<TFoodPlacard>(`/api/v1/food/businesses/${biz.id}/placards`, {});
      assert.equal(fresh.status, 200);
      assert.equal(fresh.body.kid, keyIdOf(rotated.publicKey));
      assert.notEqual(fresh.body.kid, placard.kid);
      // The old placard under the old kid, on the new process; the new one on the old process (keys from the table).
      assert.equal((await verifyUrl(placard.url, nextChief)).status, 'valid');
      assert.equal((await verifyUrl(fresh.body.url)).status, 'valid');
      const keys = await nextChief.get<TPlacardKeys>('/api/v1/public/placards/keys');
      assert.deepEqual(
        keys.body.keys.map((k) => [k.kid, k.active]),
        [
          [fresh.body.kid, true],
          [placard.kid, false],
        ],
      );
    } finally {
      await next.close();
    }
  });
});
