import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { insertEntities, itemIds, unitId } from '../../../tests/helpers/spot-check-factories.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TDrawProof, TTask } from '../../contracts/spot-checks.ts';
import { verifyDrawProof } from '../../domain/draw-proof.ts';
import { DRAW_ALGORITHM_V1, drawEntities, poolHash, RISK_CLASSES } from '../../domain/spot-check-draw.ts';
import { classPositions, drawEntitiesV2, poolChunkHashes } from '../../domain/spot-check-draw-v2.ts';
import { actorForUser } from '../entities/import/actor.ts';
import { entitiesAtPositions, freezePoolV2, poolV2 } from './repos/draw-v2.ts';
import { findTask } from './repos/tasks.ts';

/**
 * Draw algorithm v2 in the database against its definition in TypeScript, over a pool spanning four 1 M-id
 * chunks; and a pool frozen under v1 before the upgrade, still drawn and verified with v1.
 */
describe('spot-check draws: v2 in SQL agrees with its definition; v1 pools still draw as v1', () => {
  let app: TestApp;
  let admin: ApiClient;
  let planId: number;
  let poolId: number;

  before(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'admin');
    const db = app.services.db;
    await insertEntities(db, { count: 30, stationCode: 's01', riskClass: 'A' });
    await db.query('ALTER TABLE entities ALTER COLUMN id RESTART WITH 999990');
    await insertEntities(db, { count: 20, stationCode: 's01', riskClass: 'C' });
    await db.query('ALTER TABLE entities ALTER COLUMN id RESTART WITH 2999995');
    await insertEntities(db, { count: 10, stationCode: 's01', riskClass: null });
    await insertEntities(db, { count: 10, stationCode: 's01', riskClass: 'D' });
    const pool = await admin.post<{ id: number }>('/api/v1/spot-checks/pools', {
      name: '桂城存续企业',
      filter: { stationIds: [await unitId(db, 's01')], types: ['enterprise'] },
    });
    poolId = pool.body.id;
    const plan = await admin.post<{ id: number }>('/api/v1/spot-checks/plans', {
      name: '2026年度抽查计划（版本）',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
    });
    planId = plan.body.id;
  });
  after(() => app.close());

  const act = (task: { id: number; version: number }, action: string) =>
    admin.post<TTask>(`/api/v1/spot-checks/tasks/${task.id}/transitions`, { action, version: task.version });
  const frozenTask = async (name: string) => {
    const task = await admin.post<TTask>('/api/v1/spot-checks/tasks', {
      planId,
      poolId,
      name,
      itemIds: await itemIds(app.services.db, ['DJ-01']),
      ratios: { A: 10, B: 30, C: 25, D: 50 },
      avoidOwnStation: false,
    });
    assert.equal(task.status, 201, JSON.stringify(task.body));
    const frozen = await act(task.body, 'freeze');
    assert.equal(frozen.status, 200, JSON.stringify(frozen.body));
    return frozen.body;
  };
  const proofOf = async (drawId: number) =>
    (await admin.get<TDrawProof>(`/api/v1/spot-checks/draws/${drawId}/proof`)).body;

  it('freezes and draws with v2; the SQL pool hash, chunk hashes and selection are the definition’s', async () => {
    const frozen = await frozenTask('v2 抽取');
    assert.equal(frozen.draw!.algorithm, 'shijian-draw-v2');
    const [row] = await app.services.db.query<{ chunks: { chunk: number; hash: string }[] }>(
      'SELECT pool_chunks AS chunks FROM spot_check_draws WHERE id = $1',
      [frozen.draw!.id],
    );
    const drawn = await act(frozen, 'draw');
    assert.equal(drawn.status, 200, JSON.stringify(drawn.body));
    const proof = await proofOf(frozen.draw!.id);
    assert.equal(proof.version, 2);
    assert.equal(proof.pool.length, 70);
    assert.deepEqual(row!.chunks, poolChunkHashes(proof.pool));
    assert.deepEqual(
      row!.chunks.map((c) => c.chunk),
      [0, 1, 2, 3],
    );
    assert.equal(verifyDrawProof(proof).ok, true, JSON.stringify(verifyDrawProof(proof).checks));
    assert.deepEqual(proof.result, drawEntitiesV2(proof.seed, proof.pool, proof.ratios));
    assert.equal(drawn.body.draw!.drawnCount, 3 + 3 + 5 + 5);
  });

  it('resolves positions across chunks to the entities and their frozen stations', async () => {
    const frozen = await frozenTask('v2 位置');
    const db = app.services.db;
    const id = frozen.draw!.id;
    const [d] = await db.query<{ seed: string }>('SELECT seed FROM spot_check_draws WHERE id = $1', [id]);
    const pool = await poolV2(db, id);
    const byClass = (c: string) => pool.filter((e) => e.riskClass === c).map((e) => e.id);
    // Class A sits in chunk 0, C spans chunks 0 and 1 (ids 999,990 …), D is in chunk 3.
    const picks = [
      { riskClass: 'C' as const, positions: classPositions(d!.seed, 'C', 20, 20) },
      { riskClass: 'D' as const, positions: [0, 9] },
    ];
    const got = await db.transaction((tx) => entitiesAtPositions(db, tx, id, picks, 2));
    const expected = [...byClass('C'), byClass('D')[0]!, byClass('D')[9]!].sort((a, b) => a - b);
    assert.deepEqual(
      got.map((g) => g.id),
      expected,
    );
    const [s01] = await db.query<{ id: number }>(`SELECT id FROM org_units WHERE code = 's01'`);
    assert.ok(got.every((g) => g.stationId === s01!.id));
  });

  it('a freeze that rolls back leaves no pool parts once the next freeze has run', async () => {
    const db = app.services.db;
    const task = await admin.post<TTask>('/api/v1/spot-checks/tasks', {
      planId,
      poolId,
      name: '回滚的冻结',
      itemIds: await itemIds(db, ['DJ-01']),
      ratios: { A: 10, B: 10, C: 10, D: 10 },
      avoidOwnStation: false,
    });
    const reader = await actorForUser(db, { username: 'admin' });
    const { poolFilter: filter } = (await findTask(db, task.body.id))!;
    let drawId = 0;
    const ratios = { A: 0.1, B: 0.1, C: 0.1, D: 0.1 };
    const args = { taskId: task.body.id, filter, reader, commitment: 'c', seed: 's', ratios };
    await assert.rejects(
      db.transaction(async (tx) => {
        // Four chunks on two connections: on PostgreSQL their parts commit before this transaction rolls back.
        drawId = (await freezePoolV2(db, tx, args, 2)).drawId!;
        throw new Error('rolled back after the freeze');
      }),
      /rolled back/,
    );
    const parts = async () =>
      (
        await db.query<{ n: number }>('SELECT count(*)::int AS n FROM spot_check_draw_pool_parts WHERE draw_id = $1', [
          drawId,
        ])
      )[0]!.n;
    // A part per chunk and class present: A, C in chunk 0; C in 1; B in 2; B, D in 3 (PGlite: rolled back with tx).
    assert.equal(await parts(), db.kind === 'postgresql' ? 6 : 0);
    await frozenTask('回滚之后的冻结');
    assert.equal(await parts(), 0);
  });

  it('a pool frozen under v1 before the upgrade is drawn with v1, and its proof verifies as v1', async () => {
    const frozen = await frozenTask('v1 升级前冻结');
    const db = app.services.db;
    const id = frozen.draw!.id;
    // What a v1 install stored at freeze: the canonical text, the stations in the same order, v1's pool hash.
    const pool = await poolV2(db, id);
    await db.query(
      `INSERT INTO spot_check_draw_pools (draw_id, entries, stations)
       SELECT $1, string_agg(u.id || ',' || p.risk_class, E'\\n' ORDER BY u.id) || E'\\n', string_agg(u.station_id::text, ',' ORDER BY u.id)
         FROM spot_check_draw_pool_parts p CROSS JOIN LATERAL unnest(p.entity_ids, p.station_ids) AS u(id, station_id)
        WHERE p.draw_id = $1`,
      [id],
    );
    await db.query('DELETE FROM spot_check_draw_pool_parts WHERE draw_id = $1', [id]);
    await db.query('UPDATE spot_check_draws SET algorithm = $2, pool_hash = $3, pool_chunks = NULL WHERE id = $1', [
      id,
      DRAW_ALGORITHM_V1,
      poolHash(pool),
    ]);
    const drawn = await act(frozen, 'draw');
    assert.equal(drawn.status, 200, JSON.stringify(drawn.body));
    const proof = await proofOf(id);
    assert.equal(proof.algorithm, 'shijian-draw-v1');
    assert.equal(proof.version, 1);
    assert.equal(verifyDrawProof(proof).ok, true, JSON.stringify(verifyDrawProof(proof).checks));
    assert.deepEqual(proof.result, drawEntities(proof.seed, pool, proof.ratios));
    assert.deepEqual(
      RISK_CLASSES.map((c) => proof.pool.filter((e) => e.riskClass === c).length),
      [30, 10, 20, 10],
    );
  });
});
