import { availableParallelism } from 'node:os';
import type { TDistribution, TModelBody } from '../../../contracts/credit.ts';
import type { Db } from '../../../db/client.ts';
import { checkModelFacts, latestClosedReportYear, riskFacts } from '../../../domain/credit-rules.ts';
import { INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS } from '../../../domain/industry-codes.ts';
import {
  assessRisk,
  defaultRiskModel,
  type RiskFacts,
  type RiskModel,
  validateModel,
} from '../../../domain/risk-model.ts';
import type { RiskClass } from '../../../domain/spot-check-draw.ts';
import { readable } from '../../../platform/access.ts';
import { type Actor, requirePermission } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { entityResource } from '../../entities/access.ts';
import type { JobContext } from '../../jobs/runner.ts';
import type { JobService } from '../../jobs/service.ts';
import * as repo from '../repos/risk.ts';

/** Entities per statement in a full recompute: one progress step, and a bound on how long PGlite is busy. */
export const RECOMPUTE_CHUNK = 100_000;
/** PGlite runs queries on the main thread: smaller statements keep the HTTP server answering between them. */
const PGLITE_CHUNK = 20_000;
/** A full recompute that wrote at least this many class rows refreshes the table's statistics. */
const ANALYZE_AFTER_ROWS = 10_000;
export const RECOMPUTE_JOB = 'credit.recompute';
export const QUEUE_JOB = 'credit.recompute-queue';

export interface RiskDeps {
  today: () => string;
  jobs: Pick<JobService, 'enqueue'>;
  /** Id ranges the full recompute runs at a time on PostgreSQL; default: this machine's cores. */
  parallel?: number;
}

const toModel = (row: repo.ModelRow): RiskModel => ({ version: row.version, name: row.name, ...row.body });
const emptyCounts = (): Record<RiskClass, number> => ({ A: 0, B: 0, C: 0, D: 0 });
const divisionSection = new Map(INDUSTRY_DIVISIONS.map(([code, , section]) => [code, section]));
const sectionName = new Map<string, string>(INDUSTRY_SECTIONS.map(([code, name]) => [code, name]));

/**
 * The full recompute: one set-based statement per id range of `chunk` entities. Ranges are independent, so on a
 * PostgreSQL server `parallel` run at a time (default: the cores; PGlite has one connection and runs them in turn).
 */
export async function recomputeAllEntities(
  db: Db,
  model: RiskModel,
  today: string,
  opts: { progress?: JobContext['progress']; chunk?: number; parallel?: number } = {},
) {
  const started = performance.now();
  const chunk = opts.chunk ?? (db.kind === 'pglite' ? PGLITE_CHUNK : RECOMPUTE_CHUNK);
  const parallel = db.kind === 'pglite' ? 1 : (opts.parallel ?? availableParallelism());
  const year = latestClosedReportYear(today);
  const range = await repo.entityIdRange(db);
  const total = { computed: 0, updated: 0, classChanged: 0 };
  if (range) {
    const span = range.hi - range.lo + 1;
    const starts = Array.from({ length: Math.ceil(span / chunk) }, (_, i) => range.lo + i * chunk);
    let next = 0;
    let done = 0;
    const worker = async () => {
      while (next < starts.length) {
        const from = starts[next++]!;
        const r = await repo.recompute(db, model, { from, to: from + chunk }, today, year);
        total.computed += r.computed;
        total.updated += r.updated;
        total.classChanged += r.classChanged;
        done += Math.min(chunk, range.hi + 1 - from);
        await opts.progress?.(done, span, `已计算 ${total.computed} 户`);
      }
    };
    await Promise.all(Array.from({ length: parallel }, worker));
  }
  // Fresh statistics for the draws that join the classes next: after a first pass (20 M rows) autovacuum had not
  // analysed the table yet and a draw's pool freeze hashed every class row per chunk.
  if (total.updated >= ANALYZE_AFTER_ROWS) await db.exec('ANALYZE entity_risk_classes');
  return { ...total, modelVersion: model.version, seconds: (performance.now() - started) / 1000 };
}

export function createRiskService(db: Db, deps: RiskDeps) {
  async function activeModel(): Promise<RiskModel> {
    const row = await repo.activeModelRow(db);
    return row ? toModel(row) : defaultRiskModel;
  }

  function check(model: RiskModel) {
    const problems = [...validateModel(model), ...checkModelFacts(model)];
    if (problems.length)
      throw new AppError(
        'VALIDATION',
        `模型校验未通过：${problems.join('；')}`,
        problems.map((message) => ({ path: 'indicators', message })),
      );
  }

  return {
    activeModel,

    /** Every entity, in id-range chunks (one statement each), reporting progress per chunk. */
    async recomputeAll(
      progress?: JobContext['progress'],
      chunk = db.kind === 'pglite' ? PGLITE_CHUNK : RECOMPUTE_CHUNK,
    ) {
      return recomputeAllEntities(db, await activeModel(), deps.today(), { progress, chunk, parallel: deps.parallel });
    },

    /** Drains the outbox (listings, penalties, failed checks…) and recomputes just those entities. */
    async drainQueue(batch = 5000) {
      const model = await activeModel();
      const today = deps.today();
      const year = latestClosedReportYear(today);
      let computed = 0;
      for (;;) {
        const n = await db.transaction(async (tx) => {
          const ids = await repo.takeQueued(tx, batch);
          if (ids.length) await repo.recompute(tx, model, { ids }, today, year);
          return ids.length;
        });
        computed += n;
        if (n === 0) return { computed };
      }
    },

    /** The active model applied to the entity's facts today, with each indicator's points. */
    async breakdown(entityId: number) {
      const model = await activeModel();
      const today = deps.today();
      const [row] = await repo.factsOf(db, [entityId], today, latestClosedReportYear(today));
      const { entity_id: _, ...facts } = row ?? { entity_id: 0 };
      const result = assessRisk(model, facts as RiskFacts);
      return {
        ...result,
        modelVersion: model.version,
        facts: facts as Record<string, string | number | boolean | null>,
      };
    },

    async models() {
      const rows = await repo.listModels(db);
      const models = rows.map((r) => ({
        ...toModel(r),
        active: r.active,
        note: r.note,
        createdAt: r.createdAt as string | null,
      }));
      if (!rows.some((r) => r.active))
        models.push({ ...defaultRiskModel, active: true, note: '内置默认模型', createdAt: null });
      return {
        models,
        facts: Object.entries(riskFacts).map(([fact, f]) => ({ fact, kind: f.kind, label: f.label })),
        queued: await repo.queuedCount(db),
      };
    },

    /** Saves a new version (not yet active). The built-in default is stored as version 1 first if needed. */
    async createModel(actor: Actor, body: TModelBody) {
      requirePermission(actor, 'credit:write');
      check({ version: 0, ...body });
      return db.transaction(async (tx) => {
        if ((await repo.listModels(tx)).length === 0) {
          const { version, name, ...rest } = defaultRiskModel;
          await repo.insertModel(tx, { version, name, body: rest, note: '内置默认模型', createdBy: null });
          await repo.activateModel(tx, version);
        }
        const version = await repo.insertModel(tx, {
          name: body.name,
          body: { indicators: body.indicators, thresholds: body.thresholds },
          note: body.note ?? null,
          createdBy: actor.userId,
        });
        await appendAudit(tx, actor, { action: 'credit.model.create', targetType: 'riskModel', targetId: version });
        return { version };
      });
    },

    /** Makes a version active and starts a full recompute under it. */
    async activate(actor: Actor, version: number) {
      requirePermission(actor, 'credit:write');
      const row = await repo.findModel(db, version);
      if (!row) throw notFound('模型版本');
      check(toModel(row));
      return db.transaction(async (tx) => {
        await repo.activateModel(tx, version);
        await appendAudit(tx, actor, { action: 'credit.model.activate', targetType: 'riskModel', targetId: version });
        const jobId = await deps.jobs.enqueue(
          { kind: RECOMPUTE_JOB, createdBy: actor.userId, unitId: actor.unitId, maxAttempts: 1 },
          tx,
        );
        return { jobId };
      });
    },

    async startRecompute(actor: Actor) {
      requirePermission(actor, 'credit:write');
      return db.transaction(async (tx) => {
        const jobId = await deps.jobs.enqueue(
          { kind: RECOMPUTE_JOB, createdBy: actor.userId, unitId: actor.unitId, maxAttempts: 1 },
          tx,
        );
        await appendAudit(tx, actor, { action: 'credit.recompute', targetType: 'job', targetId: jobId });
        return { jobId };
      });
    },

    /** Class counts over the entities the caller may read (the entity's readability, as on its credit page). */
    async distribution(actor: Actor): Promise<TDistribution> {
      const reach = readable(actor, entityResource);
      const { byStation, byDivision } = await repo.distribution(db, reach);
      const totals = emptyCounts();
      const stations = new Map<number, TDistribution['byStation'][number]>();
      for (const r of byStation) {
        const s = stations.get(r.stationId) ?? {
          stationId: r.stationId,
          stationName: r.stationName,
          counts: emptyCounts(),
        };
        s.counts[r.riskClass] += r.n;
        totals[r.riskClass] += r.n;
        stations.set(r.stationId, s);
      }
      const sections = new Map<string, TDistribution['byIndustry'][number]>();
      for (const r of byDivision) {
        const section = (r.division && divisionSection.get(r.division)) ?? '—';
        const s = sections.get(section) ?? {
          section,
          name: sectionName.get(section) ?? '未登记行业',
          counts: emptyCounts(),
        };
        s.counts[r.riskClass] += r.n;
        sections.set(section, s);
      }
      return {
        byStation: [...stations.values()],
        byIndustry: [...sections.values()].sort((a, b) => a.section.localeCompare(b.section)),
        totals,
      };
    },
  };
}

export type RiskService = ReturnType<typeof createRiskService>;
