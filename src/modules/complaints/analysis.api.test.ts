import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeEntity } from '../../../tests/helpers/factories.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TEntityDetail } from '../../contracts/entities.ts';
import type { TOrgUnit } from '../../contracts/org.ts';
import { shanghaiToday } from '../../domain/deadlines.ts';

type Analysis = {
  items: { key: string; label: string; received: number; lastYear: number; yoyPct: number | null }[];
  totals: { received: number; lastYear: number; yoyPct: number | null };
};

describe('12315 analysis: year-on-year, hot topics, spikes, duplicates', () => {
  let app: TestApp;
  let hotline: ApiClient;
  let entity: TEntityDetail;
  const today = shanghaiToday();

  before(async () => {
    app = await startTestApp();
    hotline = await loginAs(app, 'hotline');
    const admin = await loginAs(app, 'admin');
    const s01 = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body.find((u) => u.code === 's01')!;
    entity = (
      await admin.post<TEntityDetail>(
        '/api/v1/entities',
        makeEntity({ name: '南海区桂城悦动健身馆', stationId: s01.id }),
      )
    ).body;
    const file = (receivedOn: string, categoryCode: string, description: string) =>
      hotline.post('/api/v1/complaints', {
        kind: 'complaint',
        channel: 'phone',
        person: { name: '测试', phone: '13900000000' },
        business: { entityId: entity.id },
        categoryCode,
        description,
        receivedOn,
      });
    for (let i = 0; i < 2; i++)
      await file('2024-05-10', 'service.prepaid', '健身房关门，预付卡余额无法退款，要求退费。');
    for (let i = 0; i < 5; i++) await file('2025-05-12', 'service.prepaid', `健身馆突然停业，预付卡无法使用第${i}次`);
    await file('2025-05-20', 'goods.food', '购买的月饼已经过期变质，商家拒绝退货。');
    for (let i = 0; i < 7; i++)
      await file(today, 'service.fitness', `健身馆私教课程停课无法退款，已付预付卡费用第${i}笔`);
    await app.services.complaintAnalysis.rebuildStats();
  });
  after(() => app.close());

  test('counts by category with the same months a year earlier', async () => {
    const res = await hotline.get<Analysis>('/api/v1/complaints/analysis?from=2025-05&to=2025-05&by=category');
    assert.equal(res.status, 200);
    const prepaid = res.body.items.find((i) => i.key === 'service.prepaid');
    assert.deepEqual(
      [prepaid?.label, prepaid?.received, prepaid?.lastYear, prepaid?.yoyPct],
      ['预付式消费', 5, 2, 150],
    );
    assert.equal(res.body.totals.received, 6);
    assert.equal(res.body.totals.lastYear, 2);
    const bad = await hotline.get('/api/v1/complaints/analysis?from=2025-06&to=2025-05');
    assert.equal(bad.status, 422);
  });

  test('a station inspector sees only their own station’s figures', async () => {
    const other = await loginAs(app, 's02.inspector');
    const res = await other.get<Analysis>('/api/v1/complaints/analysis?from=2025-05&to=2025-05&by=kind');
    assert.equal(res.body.totals.received, 0);
  });

  test('hot topics come from Chinese word segmentation', async () => {
    const res = await hotline.get<{ word: string; count: number }[]>(
      `/api/v1/complaints/analysis/hot-topics?from=2024-01-01&to=${today}`,
    );
    const words = res.body.map((w) => w.word);
    assert.ok(words.includes('预付卡'), words.join(','));
    assert.ok(!words.includes('要求'));
  });

  test('a week far above its baseline drafts a consumer alert; similar items are linked', async () => {
    const result = await app.services.complaintAnalysis.detectSpikes();
    assert.ok(result.drafted >= 1);
    const alerts = (
      await hotline.get<{ scopeName: string; observed: number; draftText: string }[]>('/api/v1/complaints/alerts')
    ).body;
    const fitness = alerts.find((a) => a.scopeName === '文化娱乐体育服务');
    assert.equal(fitness?.observed, 7);
    assert.match(fitness?.draftText ?? '', /12315/);
    await app.services.complaintAnalysis.linkDuplicates('2025-05-01');
    const [first] = await app.testDb.db.query<{ id: number }>(
      `SELECT id FROM complaints WHERE received_on = '2025-05-12' ORDER BY id LIMIT 1`,
    );
    const related = (await hotline.get<{ similarity: number }[]>(`/api/v1/complaints/${first!.id}/related`)).body;
    assert.ok(related.length >= 1);
    assert.ok(related.every((r) => r.similarity >= 0.3));
  });

  test('alerts: a station sees those about its own businesses; district-wide ones need a district-wide role', async () => {
    type Alert = { scope: string; scopeName: string };
    const list = async (username: string) =>
      (await (await loginAs(app, username)).get<Alert[]>('/api/v1/complaints/alerts')).body;
    const everyone = await list('admin');
    assert.ok(everyone.some((a) => a.scope === 'category'));
    assert.ok(everyone.some((a) => a.scope === 'entity' && a.scopeName === entity.name));
    // The business is in 桂城 (s01): its chief sees that alert only, 大沥 (s02) sees none.
    assert.deepEqual(
      (await list('s01.chief')).map((a) => [a.scope, a.scopeName]),
      [['entity', entity.name]],
    );
    assert.deepEqual(await list('s02.chief'), []);
    assert.deepEqual(await list('s02.inspector'), []);
  });
});
