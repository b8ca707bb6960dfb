import { rollupTotals } from '../../../contracts/rollup.ts';
import type { Db } from '../../../db/client.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { type ExportColumn, xlsxBody } from '../../../platform/xlsx-export.ts';
import type { RollupRegions, RollupService } from './regions.ts';

type City = RollupRegions['cities'][number];

/** The province page's table, one row per city, then the totals (the same figures as GET /rollup/regions). */
const columns: ExportColumn<City>[] = [
  { header: '区划代码', width: 12, value: (c) => c.cityCode },
  { header: '城市', width: 16, value: (c) => c.name },
  { header: '市场主体', width: 12, value: (c) => c.entities },
  { header: '在业主体', width: 12, value: (c) => c.activeEntities },
  { header: '经营异常名录', width: 14, value: (c) => c.abnormalListed },
  { header: '抽查户次', width: 10, value: (c) => c.spotCheckVisits },
  { header: '已检查', width: 10, value: (c) => c.spotCheckInspected },
  { header: '发现问题', width: 10, value: (c) => c.spotCheckProblemVisits },
  { header: 'A 类', width: 8, value: (c) => c.riskA },
  { header: 'B 类', width: 8, value: (c) => c.riskB },
  { header: 'C 类', width: 8, value: (c) => c.riskC },
  { header: 'D 类', width: 8, value: (c) => c.riskD },
  { header: '12315 诉求', width: 12, value: (c) => c.complaints },
  { header: '案件', width: 10, value: (c) => c.cases },
  { header: '罚没款（元）', width: 16, kind: 'money', value: (c) => c.finesFen / 100 },
  { header: '数据问题', width: 60, value: (c) => c.problem ?? '' },
];

/** 省级汇总 as an XLSX download, audited with the row count like every other export. */
export function createRegionsExport(db: Db, rollup: Pick<RollupService, 'regions'>) {
  return {
    async export(actor: Actor) {
      const { cities } = await rollup.regions();
      async function* rows() {
        yield cities.length ? [...cities, { cityCode: '合计', name: '', problem: null, ...rollupTotals(cities) }] : [];
      }
      const body = xlsxBody('省级汇总', columns, rows(), (rowCount, complete) =>
        db.transaction((tx) =>
          appendAudit(tx, actor, {
            action: 'rollup.regions.export',
            targetType: 'rollup',
            detail: { format: 'xlsx', cities: cities.length, rowCount, complete },
          }),
        ),
      );
      const stamp = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' })
        .format(new Date())
        .replaceAll('-', '');
      return { filename: `省级汇总_${stamp}.xlsx`, ascii: `province-rollup_${stamp}.xlsx`, body };
    },
  };
}

export type RegionsExport = ReturnType<typeof createRegionsExport>;
