import { loadavg } from 'node:os';
import { loadEquipmentData } from '../../src/demo/demo-equipment-repo.ts';
import { shanghaiToday } from '../../src/domain/shanghai-date.ts';
import { equipmentPendingItems } from '../../src/modules/equipment/pending.ts';
import { listEquipment } from '../../src/modules/equipment/repos/equipment.ts';
import { sweepInspectionStates } from '../../src/modules/equipment/repos/sweep.ts';
import { benchActors } from '../lib/actors.ts';
import { foodStep } from '../lib/food-data.ts';
import type { ResultRow } from '../lib/report.ts';
import { loadBenchRegister, type Scenario } from '../lib/scenario.ts';
import { sample, summarise } from '../lib/timing.ts';

/** Pieces of equipment (BENCH_EQUIPMENT, default 1 M; two in three lifts) and 维保 records (BENCH_MAINTENANCE, 10 M). */
const PIECES = Number(process.env.BENCH_EQUIPMENT ?? 1_000_000);
const MAINTENANCE = Number(process.env.BENCH_MAINTENANCE ?? 10_000_000);
const BATCH = 100_000;

/**
 * Issue 14 point 14: special equipment at city scale on PostgreSQL. Loads (once; rerun with --reuse) the register,
 * then the equipment in batches of 100 k with one past inspection each and the lifts' 维保 records (the demo
 * generator, set-based), and measures: the due and overdue lists per station (p95 ≤ 50 ms, a station chief's and the
 * admin's first page and a keyset page), the inbox provider, and the nightly state sweep (≤ 60 s: first run after a
 * day moved on, then the idempotent rerun).
 */
export const equipmentScenario: Scenario = async (ctx) => {
  const today = shanghaiToday();
  const rows: ResultRow[] = [];
  const lifts = Math.round((PIECES * 2) / 3);
  const perLift = Math.max(1, Math.round(MAINTENANCE / lifts));
  await foodStep(ctx, rows, 'register', async () => {
    await loadBenchRegister(ctx);
    return ctx.entities;
  });
  await foodStep(ctx, rows, `equipment ${PIECES}`, async () => {
    for (let done = 0; done < PIECES; done += BATCH) {
      const n = Math.min(BATCH, PIECES - done);
      const l = Math.round((n * 2) / 3);
      await loadEquipmentData(ctx.db, {
        today,
        lifts: l,
        others: n - l,
        maintenancePerLift: perLift,
        inspectionsPerPiece: 1,
        offset: done,
      });
      ctx.log(`  equipment ${(done + n).toLocaleString()} / ${PIECES.toLocaleString()}`);
    }
    await ctx.db.exec('VACUUM ANALYZE equipment');
    await ctx.db.exec('ANALYZE equipment_maintenance');
    await ctx.db.exec('ANALYZE equipment_inspections');
    return PIECES;
  });
  const [counts] = await ctx.db.query<{ equipment: number; maintenance: number; due: number; overdue: number }>(
    `SELECT (SELECT count(*) FROM equipment)::int AS equipment,
            (SELECT count(*) FROM equipment_maintenance)::int AS maintenance,
            (SELECT count(*) FROM equipment WHERE inspection_state = 'due')::int AS due,
            (SELECT count(*) FROM equipment WHERE inspection_state = 'overdue')::int AS overdue`,
  );
  ctx.log(JSON.stringify(counts));
  const { admin, station } = await benchActors(ctx.db);
  const note = () => `load avg ${loadavg()[0]!.toFixed(1)}`;
  const stations = (
    await ctx.db.query<{ id: number }>(`SELECT id FROM org_units WHERE kind = 'station' ORDER BY id`)
  ).map((s) => s.id);
  for (const state of ['due', 'overdue'] as const) {
    const chiefMs = await sample(60, () => listEquipment(ctx.db, station, { inspectionState: state }, { limit: 50 }));
    const s1 = summarise(chiefMs);
    rows.push({
      scenario: 'equipment',
      metric: `${state} list, station chief, first page`,
      value: s1.p95,
      unit: 'ms',
      target: '≤ 50',
      note: note(),
    });
    const perStation = await sample(stations.length * 3, (i) =>
      listEquipment(ctx.db, admin, { inspectionState: state, stationId: stations[i % stations.length] }, { limit: 50 }),
    );
    const s2 = summarise(perStation);
    rows.push({
      scenario: 'equipment',
      metric: `${state} list per station (admin, every station)`,
      value: s2.p95,
      unit: 'ms',
      target: '≤ 50',
      note: note(),
    });
    const first = await listEquipment(ctx.db, station, { inspectionState: state }, { limit: 50 });
    const last = first.at(-1);
    if (last) {
      const next = await sample(60, () =>
        listEquipment(
          ctx.db,
          station,
          { inspectionState: state },
          { limit: 50, after: [last.nextInspectionDue, last.id] },
        ),
      );
      rows.push({
        scenario: 'equipment',
        metric: `${state} list, station chief, keyset page 2`,
        value: summarise(next).p95,
        unit: 'ms',
        target: '≤ 50',
        note: note(),
      });
    }
  }
  const provider = equipmentPendingItems(ctx.db);
  const window = { today, weekEnd: today, limit: 10, countCap: 1000 };
  const inbox = await sample(30, () => provider.pending(station, window));
  rows.push({
    scenario: 'equipment',
    metric: 'inbox provider, station chief',
    value: summarise(inbox).p95,
    unit: 'ms',
    note: note(),
  });

  // The sweep as the night after: states as of tomorrow (a day's worth moves), then the idempotent rerun.
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  for (const [label, day] of [
    ['first run (next day)', tomorrow],
    ['rerun (idempotent)', tomorrow],
    ['a month later', new Date(Date.parse(`${today}T00:00:00Z`) + 31 * 86_400_000).toISOString().slice(0, 10)],
  ] as const) {
    const t0 = performance.now();
    const r = await ctx.db.transaction((tx) => sweepInspectionStates(tx, day, 1));
    const seconds = (performance.now() - t0) / 1000;
    ctx.log(`sweep ${label}: ${JSON.stringify(r)} in ${seconds.toFixed(1)} s`);
    rows.push({
      scenario: 'equipment',
      metric: `nightly sweep, ${label} (${(r.toDue + r.toOverdue + r.toNormal).toLocaleString()} changed)`,
      value: seconds,
      unit: 's',
      target: '≤ 60',
      note: note(),
    });
  }
  return { rows: rows.map((r) => ({ ...r, scenario: 'equipment' })), detail: { counts } };
};
