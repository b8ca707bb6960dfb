import type { TReportFigure } from '../../contracts/reports.ts';

/** The period and units one provider counts: a closed date range and the units (with those below), null = all. */
export interface ReportScope {
  from: string;
  to: string;
  unitIds: readonly number[] | null;
}

/** One figure as a module counts it for one period (the report adds the earlier year and the change). */
export type RawFigure = Pick<TReportFigure, 'key' | 'label' | 'measure' | 'unit' | 'value' | 'query'>;

/**
 * The contract each module implements in src/modules/<m>/report-figures.ts and registers in src/server/container.ts
 * (one list): its figures for the 工作总结, read through its own repo, each carrying the SQL it ran.
 */
export interface ReportFiguresProvider {
  module: string;
  /** Chinese heading of the module's section, e.g. '市场主体'. */
  title: string;
  figures(scope: ReportScope): Promise<RawFigure[]>;
}

/** The SQL text and what its numbered parameters mean, as the appendix prints it. */
export const describeQuery = (sql: string, params: string) => `${sql.replace(/\s+/g, ' ').trim()}  -- ${params}`;

export const scopeParams = '$1 起始日期，$2 截止日期，$3 单位及下级单位 id 列表（NULL 为全部）';

/** A rate in percent with one decimal; null when there is nothing to divide by. */
export const rate = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
