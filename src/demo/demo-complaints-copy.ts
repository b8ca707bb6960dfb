import type { Db } from '../db/client.ts';
import { copyLine } from '../db/copy.ts';
import { complaintRuleSets } from '../domain/complaint-rules.ts';
import { shanghaiToday } from '../domain/deadlines.ts';
import { monthWeights } from './demo-complaints.data.ts';
import {
  complaintColumns,
  complaintValues,
  createItemMaker,
  type DemoComplaintOptions,
  demoEntityRefs,
  itemsInYear,
} from './demo-complaints.ts';
import { copyComplaints, setComplaintSequence } from './demo-repo.ts';
import { Rng } from './random.ts';

const weightSum = monthWeights.reduce((a, w) => a + w, 0);

/** Each month's share of its year, fixed (the small demo draws months at random; at millions it makes no odds). */
function* months(opts: Required<Pick<DemoComplaintOptions, 'perYear' | 'years' | 'today'>>) {
  const thisYear = Number(opts.today.slice(0, 4));
  for (let y = thisYear - opts.years + 1; y <= thisYear; y++) {
    const yearCount = itemsInYear(y, thisYear, opts.perYear);
    for (let m = 0; m < 12; m++) yield { y, m, count: Math.round((yearCount * monthWeights[m]!) / weightSum) };
  }
}

/** How many items copyDemoComplaints loads for these options (days after `today` are left out). */
export function demoComplaintTotal(perYear: number, years: number, today: string): number {
  let n = 0;
  for (const { y, m, count } of months({ perYear, years, today })) {
    const first = `${y}-${String(m + 1).padStart(2, '0')}-01`;
    if (first > today) continue;
    const daysIn = Math.min(28, Number(today.slice(8, 10)));
    n += today.startsWith(first.slice(0, 7)) ? Math.round((count * daysIn) / 28) : count;
  }
  return n;
}

/**
 * The demo's 12315 items at volume (millions) through COPY: the same draws as loadDemoComplaints, ids in
 * date order, month by month so memory stays flat. Items only (no clocks or timeline): enough for analysis
 * and queues at scale. Rebuild the monthly rollup afterwards.
 */
export async function copyDemoComplaints(
  db: Db,
  opts: DemoComplaintOptions & { progress?: (done: number) => void } = {},
): Promise<{ complaints: number; seconds: number }> {
  const started = performance.now();
  const rng = new Rng(opts.seed ?? 12315);
  const today = opts.today ?? shanghaiToday();
  const entities = await demoEntityRefs(db);
  if (entities.length === 0) return { complaints: 0, seconds: 0 };
  const makeItem = createItemMaker(rng, entities, today);
  const earliest = complaintRuleSets[0]!.effectiveFrom;
  const n = await db.transaction(async (tx) => {
    await tx.query('LOCK TABLE complaints IN SHARE ROW EXCLUSIVE MODE');
    const [{ id: firstId }] = (await tx.query<{ id: number }>(
      `SELECT nextval(pg_get_serial_sequence('complaints', 'id'))::bigint AS id`,
    )) as [{ id: number }];
    let id = Number(firstId);
    function* lines() {
      for (const { y, m, count } of months({ perYear: opts.perYear ?? 3300, years: opts.years ?? 3, today })) {
        const days = Array.from({ length: count }, () => rng.between(1, 28)).sort((a, b) => a - b);
        for (const day of days) {
          const receivedOn = `${y}-${String(m + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          if (receivedOn > today || receivedOn < earliest) continue;
          yield copyLine(complaintValues({ ...makeItem(receivedOn), id: id++ }, rng));
          if ((id - firstId) % 250_000 === 0) opts.progress?.(id - firstId);
        }
      }
    }
    const copied = await copyComplaints(tx, complaintColumns, lines());
    await setComplaintSequence(tx, id - 1);
    return copied;
  });
  await db.exec('ANALYZE complaints');
  return { complaints: n, seconds: (performance.now() - started) / 1000 };
}
