import assert from 'node:assert/strict';
import type { TPlan, TTask } from '../../src/contracts/spot-checks.ts';
import type { Queryable } from '../../src/db/client.ts';
import { makeUscc } from '../../src/domain/uscc.ts';
import type { ApiClient } from './test-app.ts';

let sequence = 0;

/**
 * Inserts `count` registry entities at a station (straight into the table: spot-check tests need many, not the
 * registry's intake path), with a risk class for each unless `riskClass` is null (unclassified).
 */
export async function insertEntities(
  q: Queryable,
  opts: { count: number; stationCode: string; riskClass?: 'A' | 'B' | 'C' | 'D' | null; status?: string },
): Promise<number[]> {
  const [station] = await q.query<{ id: number }>('SELECT id FROM org_units WHERE code = $1', [opts.stationCode]);
  const ids: number[] = [];
  for (let i = 0; i < opts.count; i++) {
    sequence++;
    const subject = `W${String(process.pid % 100).padStart(2, '0')}${String(sequence).padStart(5, '0')}`;
    const [row] = await q.query<{ id: number }>(
      `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on, status, industry_code)
       VALUES ($1, 'enterprise', $2, ''::tsvector, $3, '2020-01-01', $4, '5191') RETURNING id`,
      [makeUscc('91', '440605', subject), `抽查测试${sequence}号商行`, station!.id, opts.status ?? 'active'],
    );
    ids.push(row!.id);
  }
  if (opts.riskClass !== null)
    await q.query(
      `INSERT INTO entity_risk_classes (entity_id, risk_class, score, model_version)
       SELECT unnest($1::bigint[]), $2, 50, 1`,
      [ids, opts.riskClass ?? 'B'],
    );
  return ids;
}

export async function unitId(q: Queryable, code: string): Promise<number> {
  const [row] = await q.query<{ id: number }>('SELECT id FROM org_units WHERE code = $1', [code]);
  return row!.id;
}

export async function itemIds(q: Queryable, codes: string[]): Promise<number[]> {
  const rows = await q.query<{ id: number }>(
    'SELECT id FROM spot_check_items WHERE code = ANY($1::text[]) ORDER BY id',
    [codes],
  );
  return rows.map((r) => r.id);
}

/** Sets a visit's inspectors to those linked to the given accounts (tests that need to know who was drawn). */
export async function assignVisitTo(q: Queryable, visitId: number, usernames: string[]): Promise<void> {
  await q.query(
    `UPDATE spot_check_visits SET inspector_ids = ARRAY(
        SELECT i.id FROM spot_check_inspectors i JOIN users u ON u.id = i.user_id
         WHERE u.username = ANY($2::text[]) ORDER BY i.id)
      WHERE id = $1`,
    [visitId, usernames],
  );
}

/**
 * A joint task drawn at 100 % over the given stations' pool (回避本所 on), through the API as `client`:
 * pool, plan, task, freeze, draw. Returns the drawn task.
 */
export async function drawnTask(
  client: ApiClient,
  q: Queryable,
  opts: { name: string; stationCodes: string[]; itemCodes: string[] },
): Promise<TTask> {
  const stationIds = await Promise.all(opts.stationCodes.map((code) => unitId(q, code)));
  const pool = await client.post<{ id: number }>('/api/v1/spot-checks/pools', {
    name: `${opts.name}名录库`,
    filter: { stationIds },
  });
  assert.equal(pool.status, 201, JSON.stringify(pool.body));
  const plan = await client.post<TPlan>('/api/v1/spot-checks/plans', {
    name: `${opts.name}计划`,
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
  });
  const created = await client.post<TTask>('/api/v1/spot-checks/tasks', {
    planId: plan.body.id,
    poolId: pool.body.id,
    name: opts.name,
    itemIds: await itemIds(q, opts.itemCodes),
    ratios: { A: 100, B: 100, C: 100, D: 100 },
    avoidOwnStation: true,
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  let task = created.body;
  for (const action of ['freeze', 'draw']) {
    const res = await client.post<TTask>(`/api/v1/spot-checks/tasks/${task.id}/transitions`, {
      action,
      version: task.version,
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    task = res.body;
  }
  return task;
}
