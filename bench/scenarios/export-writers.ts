import { execFileSync } from 'node:child_process';
import type { ResultRow } from '../lib/report.ts';
import type { Scenario } from '../lib/scenario.ts';

/**
 * Issue 10 point 8: is our XLSX writer (src/platform/xlsx-stream.ts: inline strings, three
 * fixed styles, zipped by yazl) worth keeping over exceljs's streaming WorkbookWriter? Both write the same
 * `--entities` rows of ten register columns (realistic Chinese text, a date and a money column) to a sink that
 * discards the bytes; each writer runs in its own process so its peak memory is its own.
 */
export const exportWritersScenario: Scenario = async (ctx) => {
  const rows = ctx.entities;
  const run = (writer: string) => {
    ctx.log(`export writer ${writer}: ${rows.toLocaleString()} rows`);
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'bench/lib/export-writer-run.ts', writer, String(rows)],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      },
    );
    return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { seconds: number; bytes: number; maxRssMb: number };
  };
  const results = { own: run('own'), exceljs: run('exceljs') };
  const out: ResultRow[] = [];
  for (const [name, r] of Object.entries(results)) {
    out.push({ scenario: 'export writers', metric: `${name}: rows/s`, value: rows / r.seconds, unit: 'rows/s' });
    out.push({ scenario: 'export writers', metric: `${name}: peak RSS`, value: r.maxRssMb, unit: 'MB' });
    out.push({ scenario: 'export writers', metric: `${name}: file size`, value: r.bytes / 1e6, unit: 'MB' });
  }
  out.push({
    scenario: 'export writers',
    metric: 'own ÷ exceljs speed',
    value: results.exceljs.seconds / results.own.seconds,
    unit: '×',
    target: '≥ 2',
    note: 'keep our writer only while it is at least twice as fast',
  });
  return { rows: out, detail: results };
};
