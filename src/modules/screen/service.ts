import { type TScreen, type TScreenFigures, ZScreenFigures } from '../../contracts/screen.ts';
import type { Db } from '../../db/client.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';
import { assertScreenReadable } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { type ScreenFigureRow, type ScreenProvider, screenWindow } from './provider.ts';
import * as repo from './repo.ts';

/** The job refreshes every 5 minutes; a rollup older than this at start is refreshed at once. */
export const SCREEN_REFRESH_SECONDS = 300;

/**
 * 智慧大脑: `refresh` (the job screen.refresh) asks every registered provider for its figures, set-based, and
 * replaces the rollup in one transaction; `read` answers GET /api/v1/screen from the rollup alone.
 */
export function createScreenService(
  db: Db,
  providers: readonly ScreenProvider[],
  opts: { now?: () => Date; enqueue?: (kind: string) => Promise<unknown> } = {},
) {
  const keys = providers.map((p) => p.key);
  if (new Set(keys).size !== keys.length) throw new Error(`大屏指标重复登记：${keys.join('、')}`);
  const now = () => opts.now?.() ?? new Date();

  return {
    async refresh(): Promise<{ figures: number; durationMs: number }> {
      const started = now();
      const t0 = performance.now();
      const id = await repo.startRefresh(db, started.toISOString());
      try {
        const w = screenWindow(shanghaiToday(started));
        const rows = await db.transaction(async (tx) => {
          const all: ScreenFigureRow[] = [];
          // One after another: the refresh holds one connection (PGlite has only one).
          for (const p of providers) all.push(...(await p.figures(tx, w)));
          await repo.replaceFigures(tx, all, started.toISOString());
          return all.length;
        });
        const durationMs = Math.round(performance.now() - t0);
        await repo.finishRefresh(db, id, { finishedAt: now().toISOString(), durationMs, figures: rows, error: null });
        return { figures: rows, durationMs };
      } catch (err) {
        const durationMs = Math.round(performance.now() - t0);
        const error = err instanceof Error ? err.message : String(err);
        await repo.finishRefresh(db, id, { finishedAt: now().toISOString(), durationMs, figures: null, error });
        throw err;
      }
    },

    /** At start: queue a refresh when the rollup is missing or older than one refresh interval. */
    async enqueueIfStale(): Promise<boolean> {
      const last = await repo.lastRefresh(db);
      const age = last ? (now().getTime() - new Date(last.finishedAt).getTime()) / 1000 : Number.POSITIVE_INFINITY;
      if (age < SCREEN_REFRESH_SECONDS || !opts.enqueue) return false;
      await opts.enqueue('screen.refresh');
      return true;
    },

    async read(actor: Actor, unitId: number | null): Promise<TScreen> {
      assertScreenReadable(actor, unitId);
      const rows = await repo.unitFigures(db, unitId ?? 0);
      const figures: Record<string, unknown> = {};
      for (const r of rows) if (r.key !== 'unit') figures[r.key] = r.value;
      // A figure whose shape changed since the last refresh is left out rather than failing the whole screen.
      const parsed = ZScreenFigures.safeParse(figures);
      const stations = await repo.stationFigures(db, unitId === null ? null : [unitId]);
      return {
        unitId,
        figures: parsed.success ? parsed.data : ({} as TScreenFigures),
        stations,
        computedAt: rows[0]?.computedAt ?? null,
        today: shanghaiToday(now()),
      };
    },
  };
}

export type ScreenService = ReturnType<typeof createScreenService>;
