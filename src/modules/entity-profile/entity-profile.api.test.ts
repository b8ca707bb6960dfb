import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertCase } from '../../../tests/helpers/case-factories.ts';
import { makeEntity } from '../../../tests/helpers/factories.ts';
import { ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TEntityCreate, TEntityDetail } from '../../contracts/entities.ts';
import type { TPublicEntity, TPublicEntityProfile } from '../../contracts/entity-profile.ts';
import type { Db } from '../../db/client.ts';
import { makeUscc, usccCheckChar } from '../../domain/uscc.ts';

/**
 * The public entity profile and the open-data API, through the HTTP API with no session: what an individual's
 * record shows (masked), that only published spot-check results, listings in force or removed and penalty
 * decisions being shown appear, the 4xx answers for bad codes, ETag revalidation, the sitemap and the rate limit.
 */

type Problem = { code: string; title: string; detail: string; errors: { path: string; message: string }[] };
type Page = { items: TPublicEntity[]; nextCursor: string | null; next?: string | null };

/** Requests per minute on each public route here: enough for the tests, few enough to reach the 429. */
const PUBLIC_LIMIT = 40;

describe('public entity profile and open data', () => {
  let app: TestApp;
  let db: Db;
  let anon: ApiClient;
  let company: TEntityDetail;
  let shop: TEntityDetail;
  let shopInput: TEntityCreate;

  const create = async (admin: ApiClient, body: TEntityCreate) => {
    const res = await admin.post<TEntityDetail>('/api/v1/entities', body);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  };

  /** A plan with one visit of `entityId` in `status`, its one item found without a problem. */
  const visit = async (entityId: number, stationId: number, planName: string, status: 'inspected' | 'published') => {
    const [plan] = await db.query<{ id: number }>(
      `INSERT INTO spot_check_plans (name, period_start, period_end, owner_unit_id)
       VALUES ($1, '2026-01-01', '2026-12-31', $2) RETURNING id`,
      [planName, stationId],
    );
    const [v] = await db.query<{ id: number }>(
      `INSERT INTO spot_check_visits (plan_id, entity_id, station_id, task_ids, inspector_ids, status, inspected_on,
                                      publish_due_on, published_at)
       VALUES ($1, $2, $3, '{}', '{}', $4, '2026-11-10', '2026-12-08', CASE WHEN $4 = 'published' THEN now() END)
       RETURNING id`,
      [plan!.id, entityId, stationId, status],
    );
    await db.query(
      `INSERT INTO spot_check_results (visit_id, item_id, category)
       SELECT $1, id, 'noProblem' FROM spot_check_items WHERE code = 'DJ-01'`,
      [v!.id],
    );
    return v!.id;
  };

  /** A decided case and its disclosure row in `status`. */
  const disclosure = async (entity: TEntityDetail, decisionNo: string, status: 'pending' | 'published') => {
    const caseId = await insertCase(db, {
      stationId: entity.stationId,
      status: 'decided',
      entityId: entity.id,
      partyName: entity.name,
    });
    await db.query(
      `INSERT INTO case_disclosures (case_id, station_id, status, due_on, published_on, display_until, decision_no,
                                     party_name, party_uscc, violation, basis, content, authority, decided_on)
       VALUES ($1, $2, $3, '2026-12-20', CASE WHEN $3 = 'published' THEN '2026-11-25'::date END,
               CASE WHEN $3 = 'published' THEN '2029-11-25'::date END, $4, $5, $6, '虚假宣传', '违反《广告法》第二十八条',
               '罚款人民币5,000.00元', '佛山市南海区市场监督管理局', '2026-11-20')`,
      [caseId, entity.stationId, status, decisionNo, entity.name, entity.uscc],
    );
  };

  before(async () => {
    app = await startTestApp({
      now: () => new Date('2026-12-03T02:00:00Z'),
      env: { PUBLIC_RATE_LIMIT_PER_MINUTE: String(PUBLIC_LIMIT), OPEN_DATA_RATE_LIMIT_PER_MINUTE: '1000' },
    });
    db = app.services.db;
    anon = new ApiClient(app.baseUrl);
    const admin = await loginAs(app, 'admin');
    const [s01] = await db.query<{ id: number }>(`SELECT id FROM org_units WHERE code = 's01'`);
    company = await create(
      admin,
      makeEntity({ stationId: s01!.id, name: '佛山市南海区公示甜品有限公司', establishedOn: '2019-05-06' }),
    );
    shopInput = makeEntity({
      stationId: s01!.id,
      type: 'individualBusiness',
      name: '南海区桂城公示粥粉面店',
      legalRepName: '张三丰',
      phone: '13912345678',
      establishedOn: '2026-10-01',
    });
    shop = await create(admin, shopInput);

    await visit(company.id, s01!.id, '2026年度企业公示信息抽查计划', 'published');
    await visit(company.id, s01!.id, '2026年度尚未公示的抽查计划', 'inspected');
    await db.query(
      `INSERT INTO credit_listings (entity_id, station_id, list, ground, report_year, status, listed_on, decision_no, reason)
       VALUES ($1, $2, 'abnormal', 'annualReportMissing', 2024, 'listed', '2025-08-01', '南海市监异列〔2025〕1号',
               '未按规定报送2024年度年度报告'),
              ($1, $2, 'serious', 'seriousPenalty', NULL, 'proposed', NULL, NULL, '拟列入，尚未决定')`,
      [company.id, s01!.id],
    );
    await db.query(
      `INSERT INTO annual_reports (entity_id, report_year, filed_on, source) VALUES ($1, 2023, '2024-05-10', 'entered')`,
      [company.id],
    );
    await disclosure(company, '南海市监处罚〔2026〕501号', 'published');
    await disclosure(company, '南海市监处罚〔2026〕502号', 'pending');
  });
  after(() => app?.close());

  const profileOf = (uscc: string) => anon.get<TPublicEntityProfile & Problem>(`/api/v1/public/entities/${uscc}`);

  test('search by a name fragment or a USCC, without login; rows carry no personal data', async () => {
    const byName = await anon.get<Page>(`/api/v1/public/entities?q=${encodeURIComponent('甜品')}`);
    assert.equal(byName.status, 200, JSON.stringify(byName.body));
    assert.deepEqual(
      byName.body.items.map((e) => e.uscc),
      [company.uscc],
    );
    const byCode = await anon.get<Page>(`/api/v1/public/entities?q=${shop.uscc.toLowerCase()}`);
    assert.deepEqual(
      byCode.body.items.map((e) => e.uscc),
      [shop.uscc],
    );
    const row = byCode.body.items[0]!;
    assert.deepEqual(Object.keys(row).sort(), [
      'address',
      'establishedOn',
      'legalRepName',
      'name',
      'regionCode',
      'status',
      'statusLabel',
      'type',
      'typeLabel',
      'uscc',
    ]);
    assert.equal(row.legalRepName, '张**', "an individual business's operator is a person: masked");
    assert.equal(row.typeLabel, '个体工商户');
    const short = await anon.get<Problem>(`/api/v1/public/entities?q=${encodeURIComponent('甜')}`);
    assert.equal(short.status, 422);
    assert.equal(short.body.errors[0]?.path, 'q');
    assert.match(short.body.detail, /至少2个字/);
  });

  test('a USCC prefix pages in code order: every match once, none skipped', async () => {
    const admin = await loginAs(app, 'admin');
    const [s01] = await db.query<{ id: number }>(`SELECT id FROM org_units WHERE code = 's01'`);
    for (const name of ['公示分页甲商行有限公司', '公示分页乙商行有限公司', '公示分页丙商行有限公司'])
      await create(admin, makeEntity({ stationId: s01!.id, name }));
    const expected = await db.query<{ uscc: string }>(`SELECT uscc FROM entities WHERE uscc LIKE '91%' ORDER BY uscc`);
    assert.ok(expected.length >= 4, String(expected.length));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/public/entities?q=91&limit=1${cursor ? `&cursor=${cursor}` : ''}`;
      const res: { status: number; body: Page } = await anon.get<Page>(url);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      seen.push(...res.body.items.map((e) => e.uscc));
      cursor = res.body.nextCursor;
    } while (cursor);
    assert.deepEqual(
      seen,
      expected.map((r) => r.uscc),
    );
    const idCursor = Buffer.from('[5]').toString('base64url');
    assert.equal((await anon.get<Problem>(`/api/v1/public/entities?q=91&cursor=${idCursor}`)).status, 422);
  });

  test("an individual's name is masked and no ID number or phone appears anywhere on the profile", async () => {
    const res = await profileOf(shop.uscc);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.legalRepName, '张**');
    assert.equal(res.body.name, shopInput.name);
    assert.equal(res.body.regulator, company.stationName);
    const text = JSON.stringify(res.body);
    assert.ok(!text.includes('张三丰'));
    assert.ok(!text.includes(shopInput.legalRepIdNumber!), 'no ID number');
    assert.ok(!/\d{3}\*{11}/.test(text), 'not even a masked one');
    assert.ok(!text.includes('13912345678') && !text.includes('139****5678'), 'no phone, not even masked');
    // An enterprise's legal representative is public (企业信息公示暂行条例).
    assert.equal((await profileOf(company.uscc)).body.legalRepName, '陈测试');
  });

  test('the profile shows a published spot-check result and no unpublished one', async () => {
    const { body } = await profileOf(company.uscc);
    assert.deepEqual(
      body.spotChecks.map((r) => r.planName),
      ['2026年度企业公示信息抽查计划'],
    );
    assert.equal(body.spotChecks[0]!.items[0]!.categoryLabel, '未发现问题');
    assert.equal(body.spotChecksMore, false);
    assert.ok(!JSON.stringify(body).includes('尚未公示的抽查计划'));
  });

  test('credit: a listing in force, not a proposal; annual reports by year; penalties shown, not pending', async () => {
    const { body } = await profileOf(company.uscc);
    assert.deepEqual(
      body.creditListings.map((l) => [l.listLabel, l.status, l.listedOn, l.decisionNo]),
      [['经营异常名录', 'listed', '2025-08-01', '南海市监异列〔2025〕1号']],
    );
    assert.equal(body.creditListings[0]!.groundLabel, '未按规定报送年度报告');
    assert.equal(body.creditListings[0]!.authority, '佛山市南海区市场监督管理局');
    // On 2026-12-03 the 2025 window has closed; 2026's opens next year. Years before the registry's first filing
    // are not claimed as missed.
    const [{ earliest }] = (await db.query<{ earliest: number }>(
      'SELECT min(report_year) AS earliest FROM annual_reports',
    )) as [{ earliest: number }];
    assert.ok(earliest <= 2023);
    assert.deepEqual(
      body.annualReports.map((r) => [r.reportYear, r.status, r.filedOn]),
      [
        [2025, 'notFiled', null],
        [2024, 'notFiled', null],
        [2023, 'filed', '2024-05-10'],
        [2022, 'notFiled', null],
        [2021, 'notFiled', null],
      ].filter(([year]) => (year as number) >= earliest),
    );
    assert.deepEqual(
      body.penalties.map((p) => p.decisionNo),
      ['南海市监处罚〔2026〕501号'],
    );
    assert.equal(body.asOf, '2026-12-03');
    // A newly registered business owes no report yet.
    assert.deepEqual((await profileOf(shop.uscc)).body.annualReports, []);
  });

  test('an unknown USCC is a 404 and a malformed one a 400, both problem+json in Chinese naming the code', async () => {
    const unknown = makeUscc('91', '440605', 'X0000001');
    const res = await profileOf(unknown);
    assert.equal(res.status, 404);
    assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.equal(res.body.code, 'NOT_FOUND');
    assert.equal(res.body.detail, `未找到统一社会信用代码为 ${unknown} 的市场主体`);
    const bad = await profileOf('12345');
    assert.equal(bad.status, 400);
    assert.match(bad.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.equal(bad.body.code, 'BAD_REQUEST');
    assert.deepEqual(
      bad.body.errors.map((e) => e.path),
      ['uscc'],
    );
    assert.match(bad.body.detail, /路径参数 uscc：统一社会信用代码应为18位，当前为5位/);
    const charset = await profileOf('91440605MA4UXXXXXS');
    assert.equal(charset.status, 400);
    // Well-formed but the check character fails: may be a registered override, so looked up; unknown says why.
    const first17 = company.uscc.slice(0, 17);
    const wrong = first17 + (usccCheckChar(first17) === '1' ? '2' : '1');
    const checked = await profileOf(wrong);
    assert.equal(checked.status, 404);
    assert.match(checked.body.detail, /校验未通过：第18位校验码应为/);
    // The open-data route answers the same way.
    const open = await anon.get<Problem>('/api/open/v1/entities/12345');
    assert.equal(open.status, 400);
    // A registered code typed in lower case finds it.
    assert.equal((await profileOf(company.uscc.toLowerCase())).status, 200);
  });

  test('open data: keyset pages of every entity, ETag revalidation answers 304, Cache-Control', async () => {
    const [{ n }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM entities')) as [{ n: number }];
    const seen: string[] = [];
    let url: string | null = '/api/open/v1/entities?limit=1';
    let pages = 0;
    while (url && pages < 50) {
      const res: { status: number; body: Page } = await anon.get<Page>(url);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      seen.push(...res.body.items.map((e) => e.uscc));
      url = res.body.next ?? null;
      pages++;
    }
    assert.equal(seen.length, n);
    assert.equal(new Set(seen).size, n, 'no entity twice');
    assert.ok(seen.indexOf(company.uscc) < seen.indexOf(shop.uscc), 'registration order');

    const first = await anon.get<Page>('/api/open/v1/entities?type=individualBusiness');
    assert.equal(first.status, 200);
    assert.ok(first.body.items.every((e) => e.type === 'individualBusiness'));
    const etag = first.headers.get('etag');
    assert.match(etag ?? '', /^"[\w-]{20,}"$/);
    assert.equal(first.headers.get('cache-control'), 'public, max-age=300');
    const again = await anon.request('GET', '/api/open/v1/entities?type=individualBusiness', undefined, {
      'if-none-match': etag!,
    });
    assert.equal(again.status, 304);
    assert.equal(again.body, undefined, 'no body');
    assert.equal(again.headers.get('etag'), etag);
    const weak = await anon.request('GET', '/api/open/v1/entities?type=individualBusiness', undefined, {
      'if-none-match': `"other", W/${etag}`,
    });
    assert.equal(weak.status, 304);
    const changed = await anon.request<Page>('GET', '/api/open/v1/entities?type=enterprise', undefined, {
      'if-none-match': etag!,
    });
    assert.equal(changed.status, 200);

    const one = await anon.get<TPublicEntityProfile>(`/api/open/v1/entities/${company.uscc}`);
    assert.equal(one.status, 200);
    assert.deepEqual(one.body, (await profileOf(company.uscc)).body);
    const cached = await anon.request('GET', `/api/open/v1/entities/${company.uscc}`, undefined, {
      'if-none-match': one.headers.get('etag')!,
    });
    assert.equal(cached.status, 304);
    const badCursor = await anon.get<Problem>('/api/open/v1/entities?cursor=nonsense');
    assert.equal(badCursor.status, 422);
    assert.equal(badCursor.body.errors[0]?.path, 'cursor');
  });

  test('the OpenAPI document describes the open-data routes without a session', async () => {
    const doc = (
      await anon.get<{ paths: Record<string, { get?: { tags: string[]; security: unknown[] } }> }>(
        '/api/v1/openapi.json',
      )
    ).body;
    for (const path of ['/api/open/v1/entities', '/api/open/v1/entities/{uscc}']) {
      assert.deepEqual(doc.paths[path]?.get?.tags, ['open-data'], path);
      assert.deepEqual(doc.paths[path]?.get?.security, []);
    }
    assert.ok(doc.paths['/api/v1/public/entities/{uscc}']);
  });

  test('sitemap: an index of files of profile URLs, streamed; robots.txt names it', async () => {
    const index = await fetch(`${app.baseUrl}/sitemap.xml`);
    assert.equal(index.status, 200);
    assert.match(index.headers.get('content-type') ?? '', /application\/xml/);
    const indexXml = await index.text();
    assert.match(indexXml, /<sitemapindex xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
    const locs = [...indexXml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    assert.deepEqual(locs, [`${app.baseUrl}/sitemaps/portal.xml`, `${app.baseUrl}/sitemaps/entities/0.xml`]);
    const file = await (await fetch(locs[1]!)).text();
    assert.ok(file.includes(`<loc>${app.baseUrl}/portal/entities/${company.uscc}</loc><lastmod>2026-`), file);
    assert.ok(file.includes(`/portal/entities/${shop.uscc}</loc>`));
    assert.ok(file.trimEnd().endsWith('</urlset>'));
    const portal = await (await fetch(locs[0]!)).text();
    assert.ok(portal.includes(`<loc>${app.baseUrl}/portal/entities</loc>`));
    const missing = await fetch(`${app.baseUrl}/sitemaps/entities/7.xml`);
    assert.equal(missing.status, 404);
    const robots = await (await fetch(`${app.baseUrl}/robots.txt`)).text();
    assert.ok(robots.includes(`Sitemap: ${app.baseUrl}/sitemap.xml`));
  });

  test('the public search has a per-client rate limit: 429 problem+json in Chinese', async () => {
    let limited: { status: number; body: Problem; headers: Headers } | undefined;
    for (let i = 0; i < PUBLIC_LIMIT + 2 && !limited; i++) {
      const res = await anon.get<Problem>(`/api/v1/public/entities?q=${encodeURIComponent('甜品')}`);
      if (res.status === 429) limited = res;
      else assert.equal(res.status, 200);
    }
    assert.ok(limited, 'a 429 within the limit plus two');
    assert.equal(limited.body.code, 'RATE_LIMITED');
    assert.equal(limited.body.title, '请求过于频繁');
    assert.match(limited.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.ok(limited.headers.get('retry-after'));
  });
});
