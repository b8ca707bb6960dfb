import type { TReportFigure } from '../../contracts/reports.ts';

/**
 * The appendix groups figures by the query they came from: a provider runs one query and each of its figures names
 * the column (or the ratio of columns) it reads, after the last '  -- ' of its query text. Each query is printed
 * once, numbered, and each figure points to it.
 */
export interface AppendixQuery {
  no: number;
  sql: string;
  figures: { figure: TReportFigure; how: string }[];
}

export function appendixQueries(figures: readonly TReportFigure[]): AppendixQuery[] {
  const byQuery = new Map<string, AppendixQuery>();
  for (const figure of figures) {
    const cut = figure.query.lastIndexOf('  -- ');
    const sql = cut > 0 ? figure.query.slice(0, cut) : figure.query;
    const how = cut > 0 ? figure.query.slice(cut + 5) : '';
    let q = byQuery.get(sql);
    if (!q) {
      q = { no: byQuery.size + 1, sql, figures: [] };
      byQuery.set(sql, q);
    }
    q.figures.push({ figure, how });
  }
  return [...byQuery.values()];
}
