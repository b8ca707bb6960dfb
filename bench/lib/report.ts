import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../src/db/client.ts';

export interface ResultRow {
  scenario: string;
  metric: string;
  value: number;
  unit: string;
  /** e.g. '≥ 100000' or '≤ 20'; compared against value when present. */
  target?: string;
  note?: string;
}

export function meets(row: ResultRow): boolean | undefined {
  const m = /^(≥|≤)\s*([\d.]+)$/.exec(row.target ?? '');
  if (!m) return undefined;
  return m[1] === '≥' ? row.value >= Number(m[2]) : row.value <= Number(m[2]);
}

const format = (v: number) =>
  Number.isInteger(v) || Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(v < 10 ? 2 : 1);

export function printTable(rows: readonly ResultRow[]): void {
  const cells = rows.map((r) => {
    const ok = meets(r);
    return [
      r.scenario,
      r.metric,
      `${format(r.value)} ${r.unit}`,
      r.target ? `${r.target} ${ok ? 'ok' : 'MISS'}` : '',
      r.note ?? '',
    ];
  });
  const head = ['scenario', 'metric', 'value', 'target', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => (i === 2 ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ');
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const c of cells) console.log(line(c));
}

export async function machineInfo(db: Db) {
  const [version] = await db.query<{ v: string }>('SELECT version() AS v');
  const settings = await db.query<{ name: string; setting: string; unit: string | null }>(
    `SELECT name, setting, unit FROM pg_settings WHERE name IN ('shared_buffers', 'work_mem', 'maintenance_work_mem',
       'max_parallel_workers_per_gather', 'gin_pending_list_limit', 'effective_cache_size', 'random_page_cost', 'jit')`,
  );
  return {
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    db: { kind: db.kind, version: version?.v ?? 'unknown' },
    dbSettings: Object.fromEntries(settings.map((s) => [s.name, s.unit ? `${s.setting} ${s.unit}` : s.setting])),
    loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export function writeResults(file: string, data: unknown): string[] {
  const dir = join(process.cwd(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const json = `${JSON.stringify(data, null, 2)}\n`;
  const paths = [join(dir, 'latest.json'), join(dir, file)];
  for (const p of paths) writeFileSync(p, json);
  return paths;
}
