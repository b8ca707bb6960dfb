import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assignVisitTo, drawnTask, insertEntities, itemIds } from '../../../tests/helpers/spot-check-factories.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TVisitDetail, TVisitSummary } from '../../contracts/spot-checks.ts';

type Problem = { code: string; errors: { path: string }[] };

describe('spot-check visits: only the drawn inspectors enter results, evidence stays with its visit', () => {
  let app: TestApp;
  let admin: ApiClient;
  let visit1: TVisitSummary;
  let visit2: TVisitSummary;
  let itemId: number;

  before(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'admin');
    const db = app.services.db;
    await insertEntities(db, { count: 4, stationCode: 's02', riskClass: 'B' });
    const task = await drawnTask(admin, db, { name: '登记事项抽查', stationCodes: ['s02'], itemCodes: ['DJ-01'] });
    const visits = (await admin.get<{ items: TVisitSummary[] }>(`/api/v1/spot-checks/visits?taskId=${task.id}`)).body;
    [visit1, visit2] = visits.items as [TVisitSummary, TVisitSummary];
    // The draw picks at random: fix who is on each visit (both s02 entities, inspectors of other stations).
    await assignVisitTo(db, visit1.id, ['s03.inspector']);
    await assignVisitTo(db, visit2.id, ['s04.inspector']);
    itemId = (await itemIds(db, ['DJ-01']))[0]!;
  });
  after(() => app.close());

  const upload = async (as: ApiClient, visitId: number, fill: number) => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64, fill)])]));
    const res = await fetch(`${app.baseUrl}/api/v1/spot-checks/visits/${visitId}/files`, {
      method: 'POST',
      body: form,
      headers: { cookie: as.cookie, 'x-csrf-token': as.csrfToken },
    });
    return { status: res.status, body: (await res.json()) as { id: number } };
  };
  const save = (as: ApiClient, visitId: number, fileIds: number[] = []) =>
    as.put<Problem & TVisitDetail>(`/api/v1/spot-checks/visits/${visitId}/results`, {
      itemId,
      category: 'noProblem',
      fileIds,
    });
  const resultCount = async (visitId: number) =>
    (
      await app.services.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM spot_check_results WHERE visit_id = $1',
        [visitId],
      )
    )[0]!.n;

  it('refuses anyone not drawn for the visit: 403 when they can see it, 404 when they cannot', async () => {
    // 回避本所: the entity's own station sees the visit, but none of its people may inspect it.
    const sameStation = await loginAs(app, 's02.inspector');
    assert.equal((await sameStation.get(`/api/v1/spot-checks/visits/${visit1.id}`)).status, 200);
    const refused = await save(sameStation, visit1.id);
    assert.equal(refused.status, 403);
    assert.equal(refused.body.code, 'FORBIDDEN');
    assert.equal((await upload(sameStation, visit1.id, 1)).status, 403);
    assert.equal((await save(await loginAs(app, 's02.chief'), visit1.id)).status, 403);
    assert.equal((await save(admin, visit1.id)).status, 403, 'a bureau-wide role is not the inspection team');
    // Another station's inspector, not drawn: the visit does not exist for them.
    assert.equal((await save(await loginAs(app, 's05.inspector'), visit1.id)).status, 404);
    assert.equal((await save(await loginAs(app, 's04.inspector'), visit1.id)).status, 404);
    assert.equal(await resultCount(visit1.id), 0);

    const drawn = await loginAs(app, 's03.inspector');
    const saved = await save(drawn, visit1.id);
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(await resultCount(visit1.id), 1);
    // The page shows the form to the drawn inspector only.
    const canRecord = async (as: ApiClient) =>
      (await as.get<TVisitDetail>(`/api/v1/spot-checks/visits/${visit1.id}`)).body.canRecord;
    assert.deepEqual(
      [await canRecord(drawn), await canRecord(sameStation), await canRecord(admin)],
      [true, false, false],
    );
  });

  it('links only files uploaded for the same visit; another visit’s file is neither linked nor served', async () => {
    const a = await loginAs(app, 's03.inspector'); // drawn for visit 1
    const b = await loginAs(app, 's04.inspector'); // drawn for visit 2 only
    const fileA = await upload(a, visit1.id, 2);
    assert.equal(fileA.status, 201);
    assert.equal((await a.get(`/api/v1/spot-checks/visits/${visit1.id}/files/${fileA.body.id}`)).status, 200);

    const linked = await save(b, visit2.id, [fileA.body.id]);
    assert.equal(linked.status, 422);
    assert.equal(linked.body.errors[0]?.path, 'fileIds');
    assert.equal(await resultCount(visit2.id), 0);
    assert.equal((await b.get(`/api/v1/spot-checks/visits/${visit2.id}/files/${fileA.body.id}`)).status, 404);
    assert.equal((await b.get(`/api/v1/spot-checks/visits/${visit1.id}/files/${fileA.body.id}`)).status, 404);
    assert.equal((await b.get(`/api/v1/files/${fileA.body.id}`)).status, 404);
    assert.equal((await upload(b, visit1.id, 3)).status, 404);

    // B's own upload for visit 2 links; the owner's file links to its own visit and is served there.
    const fileB = await upload(b, visit2.id, 4);
    assert.equal((await save(b, visit2.id, [fileB.body.id])).status, 200);
    assert.equal((await save(b, visit2.id, [fileB.body.id, fileA.body.id])).status, 422);
    const own = await save(a, visit1.id, [fileA.body.id]);
    assert.equal(own.status, 200, JSON.stringify(own.body));
    assert.deepEqual(
      own.body.items.flatMap((i) => i.result?.files.map((f) => f.id) ?? []),
      [fileA.body.id],
    );
    const viaVisit = await admin.get(`/api/v1/spot-checks/visits/${visit1.id}/files/${fileA.body.id}`);
    assert.equal(viaVisit.status, 200, 'once linked, whoever sees the visit sees its evidence');
    assert.equal((await b.get(`/api/v1/spot-checks/visits/${visit2.id}/files/${fileA.body.id}`)).status, 404);
  });

  it('a result row holding another visit’s file id (written before this rule) does not serve or describe it', async () => {
    const a = await loginAs(app, 's03.inspector');
    const b = await loginAs(app, 's04.inspector');
    const fileA = await upload(a, visit1.id, 5);
    await app.services.db.query('UPDATE spot_check_results SET file_ids = file_ids || $2::bigint WHERE visit_id = $1', [
      visit2.id,
      fileA.body.id,
    ]);
    assert.equal((await b.get(`/api/v1/spot-checks/visits/${visit2.id}/files/${fileA.body.id}`)).status, 404);
    const detail = (await b.get<TVisitDetail>(`/api/v1/spot-checks/visits/${visit2.id}`)).body;
    assert.ok(!detail.items.some((i) => i.result?.files.some((f) => f.id === fileA.body.id)));
  });
});
