import { allPermissions } from '../contracts/permissions.ts';
import type { Db } from '../db/client.ts';
import { alertImportColumns } from '../domain/product-recall-workflow.ts';
import { defaultImportLimits } from '../modules/entities/import/limits.ts';
import { createAlertImport } from '../modules/product-recalls/services/alert-import.ts';
import type { Actor } from '../platform/actor.ts';
import { demoAlertParties, insertDemoRecalls } from './demo-product-recalls-repo.ts';
import { userWithUnit } from './demo-repo.ts';

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * Demo 缺陷产品召回 (set-based SQL) and one imported batch of public risk alerts, run through the real import (the
 * CSV format of docs/PRODUCT-RECALLS.md): 40 alerts naming registered entities by USCC or exact name, 20 naming
 * producers abroad, so the review queue has matches to confirm or dismiss.
 */
export async function loadDemoProductRecalls(db: Db, today: string) {
  const admin = await userWithUnit(db, 'admin');
  if (!admin) return { recalls: 0, alerts: 0, matches: 0, importMillis: 0 };
  const recalls = await db.transaction((tx) => insertDemoRecalls(tx, today, admin.id));
  const parties = await demoAlertParties(db);
  const lines = [Object.values(alertImportColumns).join(',')];
  const day = (n: number) => {
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 1 - (n % 20));
    return d.toISOString().slice(0, 10);
  };
  for (const p of parties) {
    const bySeller = p.n % 2 === 0;
    lines.push(
      [
        `SAMR-ZH-2026-${String(400 + p.n).padStart(4, '0')}`,
        '国家市场监督管理总局缺陷产品召回通告',
        day(p.n),
        (['暖风机', '电热毯', '儿童滑板车', '充电宝'] as const)[p.n % 4],
        (['过热引发火灾', '绝缘不良致触电', '结构断裂致跌伤', '电芯鼓包起火'] as const)[p.n % 4],
        bySeller ? '外地某电器有限公司' : p.name,
        '',
        bySeller ? p.name : '',
        bySeller ? p.uscc : '',
      ]
        .map((c) => csvCell(c ?? ''))
        .join(','),
    );
  }
  for (let n = 1; n <= 20; n++)
    lines.push(
      [
        `SG-A12-${String(n).padStart(5, '0')}-26`,
        'EU Safety Gate',
        day(n),
        '儿童玩具',
        '小零件致窒息',
        `海外玩具公司${n}`,
      ]
        .concat(['', '', ''])
        .join(','),
    );
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
  const importAlerts = createAlertImport(db, {
    limits: defaultImportLimits,
    now: () => new Date(`${today}T04:00:00Z`),
  });
  const batch = await importAlerts(actor, new TextEncoder().encode(lines.join('\n')), '2026年11月产品风险通报.csv');
  return { recalls, alerts: batch.alertCount, matches: batch.matchCount, importMillis: batch.millis };
}
