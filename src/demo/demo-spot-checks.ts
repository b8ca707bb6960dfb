import { allPermissions } from '../contracts/permissions.ts';
import type { Db } from '../db/client.ts';
import { resultCategories } from '../domain/spot-check-workflow.ts';
import { createCatalogService } from '../modules/spot-checks/services/catalog.ts';
import { createTaskService } from '../modules/spot-checks/services/tasks.ts';
import { createVisitService } from '../modules/spot-checks/services/visits.ts';
import type { Actor } from '../platform/actor.ts';
import { unitIdsByCode, userWithUnit } from './demo-repo.ts';
import { Rng } from './random.ts';

/**
 * One plan with a finished joint task (drawn, every visit inspected, most published) so the pages are not
 * empty. Runs through the services, so draws, audit rows, leads and the recompute queue are all real.
 */
export async function loadDemoSpotChecks(
  db: Db,
  deps: Parameters<typeof createVisitService>[1],
): Promise<{ visits: number }> {
  const admin = await userWithUnit(db, 'admin');
  const stationIds = await unitIdsByCode(db, ['s01', 's03']);
  if (!admin || stationIds.length === 0) return { visits: 0 };
  const actor: Actor = {
    userId: admin.id,
    username: 'admin',
    displayName: '系统管理员',
    unitId: admin.unitId,
    unitName: '',
    unitKind: 'bureau',
    unitPath: admin.unitPath,
    scopeUnitIds: [],
    roles: [{ code: 'admin', name: '系统管理员' }],
    permissions: new Set(allPermissions),
    dataScope: 'all',
    ip: null,
  };
  const catalog = createCatalogService(db);
  const tasks = createTaskService(db, catalog);
  const visits = createVisitService(db, deps);
  const year = visits.today().slice(0, 4);
  const plan = await catalog.createPlan(actor, {
    name: `${year}年度双随机、一公开抽查计划`,
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
  });
  const pool = await catalog.createPool(actor, {
    name: '桂城、里水存续企业',
    filter: { types: ['enterprise'], stationIds, statuses: ['active'] },
  });
  const items = (await catalog.listItems()).filter((i) => ['DJ-01', 'SP-03'].includes(i.code)).map((i) => i.id);
  let task = await tasks.create(actor, {
    planId: plan.id,
    poolId: pool.id,
    name: '企业公示信息与食品销售联合抽查',
    itemIds: items,
    ratios: { A: 0.1, B: 0.2, C: 0.5, D: 1 },
    inspectorsPerVisit: 2,
    avoidOwnStation: true,
  });
  task = await tasks.transition(actor, task.id, { action: 'freeze', version: task.version });
  task = await tasks.transition(actor, task.id, { action: 'draw', version: task.version });
  const rng = new Rng(412);
  const page = await visits.list(actor, { taskId: task.id, limit: 200 });
  for (const [n, v] of page.items.entries()) {
    let detail = await visits.get(actor, v.id);
    for (const item of detail.items) {
      const category = rng.chance(0.85) ? 'noProblem' : rng.pick(resultCategories.slice(1, 5)).code;
      detail = await visits.importResult(actor, v.id, { itemId: item.itemId, category, fileIds: [] });
    }
    detail = await visits.transition(actor, v.id, { action: 'complete', version: detail.version });
    // A few left unpublished, so the publication queue shows something.
    if (n % 5 !== 0) await visits.transition(actor, v.id, { action: 'publish', version: detail.version });
  }
  await tasks.transition(actor, task.id, { action: 'close', version: task.version });
  return { visits: page.items.length };
}
