import type { TOrgUnit } from '../../contracts/org.ts';
import type { TWorkReport, TWorkReportQuery } from '../../contracts/reports.ts';
import { assertReportable } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import type { CjkFont } from '../../platform/pdf.ts';
import { workReportCharts } from './charts.ts';
import type { ReportFiguresProvider } from './figures.ts';
import { narrative } from './narrative.ts';
import { pairFigures, yearEarlier } from './period.ts';
import { renderWorkReportDocx } from './render-docx.ts';
import { renderWorkReportPdf } from './render-pdf.ts';

export interface ReportDeps {
  units: () => Promise<TOrgUnit[]>;
  font: () => CjkFont | undefined;
  now?: () => Date;
}

/** The unit and every unit below it (by parent links). */
function subtree(units: TOrgUnit[], rootId: number): number[] {
  const ids = [rootId];
  for (let i = 0; i < ids.length; i++) for (const u of units) if (u.parentId === ids[i]) ids.push(u.id);
  return ids;
}

/** 工作总结: every registered module's figures for a period and unit, a year earlier, the narrative, PDF and DOCX. */
export function createReportService(providers: readonly ReportFiguresProvider[], deps: ReportDeps) {
  async function scopeOf(actor: Actor, unitId: number | undefined) {
    const id = unitId ?? (actor.dataScope === 'all' ? null : actor.unitId);
    assertReportable(actor, id);
    const units = await deps.units();
    if (id === null) {
      const root = units.find((u) => u.parentId === null);
      return { unit: { id: null, name: root?.name ?? '全辖区' }, unitIds: null };
    }
    const unit = units.find((u) => u.id === id);
    if (!unit) throw notFound('单位');
    return { unit: { id: unit.id, name: unit.name }, unitIds: subtree(units, unit.id) };
  }

  async function work(actor: Actor, q: TWorkReportQuery): Promise<TWorkReport> {
    const { unit, unitIds } = await scopeOf(actor, q.unitId);
    const previousFrom = yearEarlier(q.from);
    const previousTo = yearEarlier(q.to);
    const current = [];
    const previous = [];
    // One module after another: the report is rare, and parallel queries would hold the pool from other requests.
    for (const p of providers) {
      current.push(...(await p.figures({ from: q.from, to: q.to, unitIds })));
      previous.push(...(await p.figures({ from: previousFrom, to: previousTo, unitIds })));
    }
    const figures = pairFigures(current, previous);
    const base = { unit, from: q.from, to: q.to, previousFrom, previousTo, figures };
    return {
      ...base,
      generatedAt: (deps.now?.() ?? new Date()).toISOString(),
      narrative: narrative(
        base,
        providers.map((p) => p.module),
      ),
    };
  }

  return {
    work,
    async pdf(actor: Actor, q: TWorkReportQuery): Promise<{ report: TWorkReport; body: Buffer }> {
      const report = await work(actor, q);
      return { report, body: await renderWorkReportPdf(deps.font(), report, workReportCharts(report)) };
    },
    async docx(actor: Actor, q: TWorkReportQuery): Promise<{ report: TWorkReport; body: Buffer }> {
      const report = await work(actor, q);
      return { report, body: await renderWorkReportDocx(report, workReportCharts(report)) };
    },
  };
}
export type ReportService = ReturnType<typeof createReportService>;

/** 工作总结（2026-01-01至2026-12-31）.pdf */
export const reportFileName = (r: TWorkReport, ext: 'pdf' | 'docx') =>
  `${r.unit.name}工作总结（${r.from}至${r.to}）.${ext}`;
