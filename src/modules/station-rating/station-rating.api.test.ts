import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TChecklist, TRatingDetail, TRatingList } from '../../contracts/station-ratings.ts';

type Problem = { code: string; detail: string; errors: { path: string; message: string }[] };

/** Full marks except `short` points taken off the first items, one point each. */
function scoresFor(checklist: TChecklist, short: number) {
  let left = short;
  return checklist.standards.flatMap((s) =>
    s.items.map((i) => {
      const off = left > 0 ? 1 : 0;
      left -= off;
      return { itemCode: i.code, score: i.maxPoints - off, note: `${i.name}：已落实` };
    }),
  );
}

describe('station rating API (两化 等级评定)', () => {
  let app: TestApp;
  let s01: ApiClient;
  let s02: ApiClient;
  let leader: ApiClient;
  let admin: ApiClient;
  let inspector: ApiClient;
  let stations: Map<string, number>;
  before(async () => {
    app = await startTestApp();
    s01 = await loginAs(app, 's01.chief');
    s02 = await loginAs(app, 's02.chief');
    leader = await loginAs(app, 'leader');
    admin = await loginAs(app, 'admin');
    inspector = await loginAs(app, 's01.inspector');
    const rows = await app.services.db.query<{ id: number; code: string }>(
      "SELECT id, code FROM org_units WHERE kind = 'station'",
    );
    stations = new Map(rows.map((r) => [r.code, r.id]));
  });
  after(() => app.close());

  const upload = async (client: ApiClient, id: number, itemCode: string) => {
    const form = new FormData();
    form.append('itemCode', itemCode);
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64, 7)]);
    form.append('file', new Blob([png]), '执法装备清单.png');
    const res = await fetch(`${app.baseUrl}/api/v1/station-ratings/${id}/files`, {
      method: 'POST',
      body: form,
      headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken },
    });
    return { status: res.status, body: (await res.json()) as { id: number; itemCode: string } & Problem };
  };

  test('the default checklist has the 六有 standards and 100 points', async () => {
    const res = await s01.get<TChecklist>('/api/v1/station-ratings/checklist');
    assert.equal(res.status, 200);
    assert.deepEqual(
      res.body.standards.map((s) => s.name),
      ['有场所', '有人员', '有装备', '有制度', '有流程', '有考核'],
    );
    assert.equal(res.body.maxScore, 100);
    assert.equal((await inspector.get('/api/v1/station-ratings/checklist')).status, 403);
  });

  test('the demo has last year’s ratings: six rated, one waiting for review, one being filled in', async () => {
    const lastYear = new Date().getFullYear() - 1;
    const list = await leader.get<TRatingList>(`/api/v1/station-ratings?year=${lastYear}`);
    assert.deepEqual(
      list.body.items.map((i) => [i.totalScore, i.stars, i.status]),
      [
        [97, 5, 'approved'],
        [92, 4, 'approved'],
        [90, 4, 'approved'],
        [84, 3, 'approved'],
        [81, 3, 'approved'],
        [75, 2, 'approved'],
        [88, null, 'submitted'],
        [70, null, 'draft'],
      ],
    );
    // The one waiting for review is in the leader's inbox under 待我审批, not in the chief's.
    type Box = { groups: { approvals: { module: string; id: number; link: string }[] }; modules: string[] };
    const box = (await leader.get<Box>('/api/v1/inbox?limit=50')).body;
    const waiting = list.body.items[6]!;
    assert.ok(box.groups.approvals.some((i) => i.module === 'station-ratings' && i.id === waiting.ratingId));
    assert.ok(!(await s01.get<Box>('/api/v1/inbox?limit=50')).body.modules.includes('station-ratings'));
  });

  test('chief scores with evidence and submits; the leader approves and the stars follow the bands', async () => {
    const checklist = (await s01.get<TChecklist>('/api/v1/station-ratings/checklist')).body;
    const created = await s01.post<TRatingDetail>('/api/v1/station-ratings', {
      stationId: stations.get('s01'),
      year: 2024,
    });
    assert.equal(created.status, 201);
    assert.equal(created.body.status, 'draft');
    const again = await s01.post<Problem>('/api/v1/station-ratings', { stationId: stations.get('s01'), year: 2024 });
    assert.equal(again.status, 409);

    const over = await s01.put<Problem>(`/api/v1/station-ratings/${created.body.id}/scores`, {
      version: created.body.version,
      scores: [{ itemCode: 'site.office', score: 9 }],
    });
    assert.equal(over.status, 422);
    assert.equal(over.body.errors[0]?.path, 'scores.0.score');
    assert.match(over.body.errors[0]?.message ?? '', /最高8分/);

    const part = await s01.put<TRatingDetail>(`/api/v1/station-ratings/${created.body.id}/scores`, {
      version: created.body.version,
      scores: [{ itemCode: 'site.office', score: 8, note: '功能区齐全' }],
    });
    assert.equal(part.status, 200);
    const early = await s01.post<Problem>(`/api/v1/station-ratings/${created.body.id}/transitions`, {
      action: 'submit',
      version: part.body.version,
    });
    assert.equal(early.status, 422, 'every item needs a score before submitting');
    assert.equal(early.body.errors[0]?.path, 'scores');

    const file = await upload(s01, created.body.id, 'equipment.enforcement');
    assert.equal(file.status, 201);
    assert.equal((await upload(s01, created.body.id, 'nope')).body.errors[0]?.path, 'itemCode');

    // 9 points short of full marks: 91 → 4 stars under the default bands (88 ≤ 91 < 95).
    const full = await s01.put<TRatingDetail>(`/api/v1/station-ratings/${created.body.id}/scores`, {
      version: part.body.version,
      scores: scoresFor(checklist, 9),
    });
    assert.equal(full.body.totalScore, 91);
    assert.equal(full.body.projectedStars, 4);
    assert.equal(full.body.stars, null);
    assert.deepEqual(full.body.actions, ['submit']);
    const stale = await s01.put<Problem>(`/api/v1/station-ratings/${created.body.id}/scores`, {
      version: part.body.version,
      scores: [],
    });
    assert.equal(stale.status, 409);

    const submitted = await s01.post<TRatingDetail>(`/api/v1/station-ratings/${created.body.id}/transitions`, {
      action: 'submit',
      version: full.body.version,
    });
    assert.equal(submitted.status, 200);
    assert.equal(submitted.body.status, 'submitted');
    assert.equal(submitted.body.submittedByName, '陈所长');
    const selfApprove = await s01.post(`/api/v1/station-ratings/${created.body.id}/transitions`, {
      action: 'approve',
      version: submitted.body.version,
    });
    assert.equal(selfApprove.status, 403, 'the station does not review itself');
    const locked = await s01.put<Problem>(`/api/v1/station-ratings/${created.body.id}/scores`, {
      version: submitted.body.version,
      scores: [],
    });
    assert.equal(locked.status, 409);

    const noOpinion = await leader.post<Problem>(`/api/v1/station-ratings/${created.body.id}/transitions`, {
      action: 'return',
      version: submitted.body.version,
    });
    assert.equal(noOpinion.status, 422);
    assert.equal(noOpinion.body.errors[0]?.path, 'opinion');
    const returned = await leader.post<TRatingDetail>(`/api/v1/station-ratings/${created.body.id}/transitions`, {
      action: 'return',
      version: submitted.body.version,
      opinion: '执法装备佐证不全，请补充清单',
    });
    assert.equal(returned.body.status, 'returned');
    const resubmitted = await s01.post<TRatingDetail>(`/api/v1/station-ratings/${created.body.id}/transitions`, {
      action: 'submit',
      version: returned.body.version,
    });
    assert.equal(resubmitted.body.status, 'submitted');
    const approved = await leader.post<TRatingDetail>(`/api/v1/station-ratings/${created.body.id}/transitions`, {
      action: 'approve',
      version: resubmitted.body.version,
      opinion: '同意评为四星所',
    });
    assert.equal(approved.status, 200);
    assert.equal(approved.body.status, 'approved');
    assert.equal(approved.body.stars, 4);
    assert.equal(approved.body.reviewedByName, '林局长');

    const evidence = await fetch(`${app.baseUrl}/api/v1/station-ratings/${created.body.id}/files/${file.body.id}`, {
      headers: { cookie: leader.cookie },
    });
    assert.equal(evidence.status, 200);

    const audit = await app.services.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE target_type = 'station_rating' AND target_id = $1 ORDER BY id",
      [String(created.body.id)],
    );
    assert.deepEqual(
      audit.map((a) => a.action).filter((a) => a !== 'rating.scores.save' && a !== 'rating.evidence.upload'),
      ['rating.create', 'rating.submit', 'rating.return', 'rating.submit', 'rating.approve'],
    );

    const list = await leader.get<TRatingList>('/api/v1/station-ratings?year=2024');
    assert.equal(list.body.items.length, 8, 'the leader sees every station, rated or not');
    const row = list.body.items.find((i) => i.stationId === stations.get('s01'));
    assert.equal(row?.stars, 4);
    assert.equal(row?.standards.length, 6);
  });

  test('scope: the chief of s02 neither sees nor starts s01’s rating', async () => {
    const [row] = await app.services.db.query<{ id: number }>(
      'SELECT id FROM station_ratings WHERE station_id = $1 AND year = 2024',
      [stations.get('s01')],
    );
    assert.equal((await s02.get(`/api/v1/station-ratings/${row!.id}`)).status, 404);
    assert.equal(
      (await s02.post(`/api/v1/station-ratings/${row!.id}/transitions`, { action: 'submit', version: 1 })).status,
      404,
    );
    const files = await app.services.db.query<{ file_id: number }>(
      'SELECT file_id FROM station_rating_files WHERE rating_id = $1',
      [row!.id],
    );
    assert.equal((await s02.get(`/api/v1/station-ratings/${row!.id}/files/${files[0]!.file_id}`)).status, 404);
    assert.equal(
      (await s02.post('/api/v1/station-ratings', { stationId: stations.get('s01'), year: 2024 })).status,
      403,
    );
    const list = await s02.get<TRatingList>('/api/v1/station-ratings?year=2024');
    assert.deepEqual(
      list.body.items.map((i) => i.stationId),
      [stations.get('s02')],
    );
    assert.equal((await inspector.get('/api/v1/station-ratings?year=2024')).status, 403);
    const badYear = await s02.get<Problem>('/api/v1/station-ratings?year=1999');
    assert.equal(badYear.status, 422);
    assert.equal(badYear.body.errors[0]?.path, 'year');
  });

  test('the checklist is versioned; bands are validated; a rating keeps its version', async () => {
    const current = (await admin.get<TChecklist>('/api/v1/station-ratings/checklist')).body;
    const body = {
      baseVersion: current.version,
      title: current.title,
      standards: current.standards,
      bands: [
        { stars: 1, minScore: 50 },
        { stars: 2, minScore: 60 },
        { stars: 3, minScore: 70 },
        { stars: 4, minScore: 80 },
        { stars: 5, minScore: 90 },
      ],
    };
    assert.equal((await s01.put('/api/v1/station-ratings/checklist', body)).status, 403);
    const bad = await admin.put<Problem>('/api/v1/station-ratings/checklist', {
      ...body,
      bands: [
        { stars: 1, minScore: 70 },
        { stars: 2, minScore: 60 },
      ],
    });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.errors[0]?.path, 'bands.1.minScore');
    assert.match(bad.body.errors[0]?.message ?? '', /2星的分数线应高于1星/);
    const saved = await admin.put<TChecklist>('/api/v1/station-ratings/checklist', body);
    assert.equal(saved.status, 200);
    assert.equal(saved.body.version, current.version + 1);
    assert.equal((await admin.put('/api/v1/station-ratings/checklist', body)).status, 409, 'stale base version');

    // s01's approved rating stays on the version it was scored on (4 stars at 91 points).
    const list = await leader.get<TRatingList>('/api/v1/station-ratings?year=2024');
    assert.equal(list.body.items.find((i) => i.stationId === stations.get('s01'))?.stars, 4);
    // A new rating uses the new bands: 91 points is 5 stars now.
    const created = await s02.post<TRatingDetail>('/api/v1/station-ratings', {
      stationId: stations.get('s02'),
      year: 2024,
    });
    assert.equal(created.body.checklist.version, current.version + 1);
    const full = await s02.put<TRatingDetail>(`/api/v1/station-ratings/${created.body.id}/scores`, {
      version: created.body.version,
      scores: scoresFor(saved.body, 9),
    });
    assert.equal(full.body.projectedStars, 5);
  });
});
