import type {
  TChecklist,
  TChecklistUpdate,
  TRatingDetail,
  TRatingList,
  TRatingTransitionBody,
  TScoresUpdate,
} from '../../contracts/station-ratings.ts';
import type { Db } from '../../db/client.ts';
import {
  checklistItems,
  checklistMaxScore,
  editableStatuses,
  ratingActions,
  ratingStatusLabels,
  ratingTransitions,
  reviewActions,
  standardTotals,
  starsFor,
} from '../../domain/station-rating.ts';
import { assertPermitted, assertPlaceable, assertReadable, assertWritable } from '../../platform/access.ts';
import { type Actor, requirePermission } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { AppError, conflict, notFound, validation } from '../../platform/errors.ts';
import type { ReceivedFile } from '../../platform/uploads.ts';
import { allowTransition, recordTransition, staleVersion } from '../../platform/workflow.ts';
import type { FileService } from '../files/service.ts';
import { stationRatingKind, stationRatingReach } from './access.ts';
import * as repo from './repo.ts';

export interface StationRatingDeps {
  files: Pick<FileService, 'maxBytes' | 'store' | 'describe' | 'openLinked'>;
}

const purpose = 'station-rating-evidence' as const;

const checklistView = (c: repo.ChecklistRow): TChecklist => ({ ...c, maxScore: checklistMaxScore(c.standards) });

/** Station self-assessment against the 六有 checklist, district review, yearly stars (seed 004). */
export function createStationRatingService(db: Db, deps: StationRatingDeps) {
  const readable = async (actor: Actor, id: number) =>
    assertReadable(actor, stationRatingKind, await repo.findRating(db, id), stationRatingReach);

  async function checklistOf(id: number): Promise<repo.ChecklistRow> {
    const [c] = await repo.checklistsByIds(db, [id]);
    if (!c) throw notFound('评定标准');
    return c;
  }

  async function detail(actor: Actor, id: number): Promise<TRatingDetail> {
    const r = await readable(actor, id);
    const [checklist, scores, links] = await Promise.all([
      checklistOf(r.checklistId),
      repo.scoresOf(db, [id]),
      repo.ratingFiles(db, id),
    ]);
    const stored = await deps.files.describe(links.map((l) => l.fileId));
    const itemOf = new Map(links.map((l) => [l.fileId, l.itemCode]));
    const byItem = new Map(scores.map((s) => [s.itemCode, s.score]));
    return {
      id: r.id,
      stationId: r.stationId,
      stationName: r.stationName,
      year: r.year,
      status: r.status,
      version: r.version,
      totalScore: r.totalScore,
      stars: r.stars,
      projectedStars: starsFor(r.totalScore, checklist.bands),
      checklist: checklistView(checklist),
      scores: scores.map(({ itemCode, score, note }) => ({ itemCode, score, note })),
      files: stored.map((f) => ({ ...f, itemCode: itemOf.get(f.id) ?? '' })),
      standards: standardTotals(checklist.standards, byItem),
      submittedByName: r.submittedByName,
      submittedAt: r.submittedAt,
      reviewedByName: r.reviewedByName,
      reviewedAt: r.reviewedAt,
      reviewOpinion: r.reviewOpinion,
      actions: ratingActions(r.status, {
        write: actor.permissions.has('rating:write'),
        review: actor.permissions.has('rating:review'),
      }).filter((a) => a !== 'create'),
      editable: editableStatuses.has(r.status) && actor.permissions.has('rating:write'),
    } as TRatingDetail;
  }

  /** For score and evidence changes: the station's rating, while it is being filled in. */
  async function editable(actor: Actor, id: number) {
    const r = assertWritable(actor, stationRatingKind, await repo.findRating(db, id), stationRatingReach);
    if (!editableStatuses.has(r.status)) {
      throw new AppError('INVALID_STATE', `评定“${ratingStatusLabels[r.status]}”，不能再修改得分或材料`);
    }
    return r;
  }

  return {
    maxUploadBytes: deps.files.maxBytes,

    async checklist(actor: Actor): Promise<TChecklist> {
      assertPermitted(actor, stationRatingKind, 'get');
      return checklistView(await repo.currentChecklist(db));
    },

    async saveChecklist(actor: Actor, body: TChecklistUpdate): Promise<TChecklist> {
      requirePermission(actor, 'rating:settings');
      const { baseVersion, title, standards, bands } = body;
      return db.transaction(async (tx) => {
        const row = await repo.insertChecklistVersion(tx, {
          baseVersion,
          title,
          standards,
          bands,
          createdBy: actor.userId,
        });
        if (!row)
          throw conflict('评定标准已被他人修改，请刷新后重试', [{ path: 'baseVersion', message: '版本已过期' }]);
        await appendAudit(tx, actor, {
          action: 'rating.checklist.save',
          targetType: 'station_rating_checklist',
          targetId: row.id,
          detail: { version: row.version, maxScore: checklistMaxScore(standards), bands },
        });
        return checklistView(row);
      });
    },

    /** Every station the caller reaches for the year, with its rating when one was started. */
    async list(actor: Actor, year: number): Promise<TRatingList> {
      assertPermitted(actor, stationRatingKind, 'list');
      const rows = await repo.listStationsWithRatings(db, actor, year);
      const ratingIds = rows.flatMap((r) => (r.ratingId ? [r.ratingId] : []));
      const checklistIds = [...new Set(rows.flatMap((r) => (r.checklistId ? [r.checklistId] : [])))];
      const [scores, checklists] = await Promise.all([
        repo.scoresOf(db, ratingIds),
        repo.checklistsByIds(db, checklistIds),
      ]);
      const items = rows.map((r) => {
        const checklist = checklists.find((c) => c.id === r.checklistId);
        const own = new Map(scores.filter((s) => s.ratingId === r.ratingId).map((s) => [s.itemCode, s.score]));
        return {
          stationId: r.stationId,
          stationName: r.stationName,
          year,
          ratingId: r.ratingId,
          status: r.status,
          totalScore: r.totalScore,
          maxScore: checklist ? checklistMaxScore(checklist.standards) : null,
          stars: r.stars,
          standards: checklist ? standardTotals(checklist.standards, own) : [],
        };
      });
      const canCreate = actor.permissions.has('rating:write') && actor.dataScope !== 'self';
      return { year, items, canCreate };
    },

    detail,

    async create(actor: Actor, body: { stationId: number; year: number }): Promise<TRatingDetail> {
      assertPlaceable(actor, stationRatingKind, body.stationId);
      if (!(await repo.isStation(db, body.stationId))) throw validation('stationId', '所选单位不是市场监管所');
      allowTransition(ratingTransitions, 'create', null, ratingStatusLabels);
      const checklist = await repo.currentChecklist(db);
      const id = await db.transaction(async (tx) => {
        const created = await repo.insertRating(tx, { ...body, checklistId: checklist.id, createdBy: actor.userId });
        if (!created)
          throw conflict(`该所${body.year}年度的评定已经开始`, [{ path: 'year', message: '本年度已有评定' }]);
        await appendAudit(tx, actor, {
          action: 'rating.create',
          targetType: 'station_rating',
          targetId: created,
          detail: { stationId: body.stationId, year: body.year, checklistVersion: checklist.version },
        });
        return created;
      });
      return detail(actor, id);
    },

    async saveScores(actor: Actor, id: number, body: TScoresUpdate): Promise<TRatingDetail> {
      const r = await editable(actor, id);
      const items = new Map(checklistItems((await checklistOf(r.checklistId)).standards).map((i) => [i.code, i]));
      body.scores.forEach((s, i) => {
        const item = items.get(s.itemCode);
        if (!item) throw validation(`scores.${i}.itemCode`, `评定标准中没有评分项“${s.itemCode}”`);
        if (s.score > item.maxPoints) {
          throw validation(`scores.${i}.score`, `“${item.name}”最高${item.maxPoints}分，不能记${s.score}分`);
        }
      });
      await db.transaction(async (tx) => {
        if (!(await repo.saveScores(tx, { id, version: body.version }, body.scores))) throw staleVersion();
        await appendAudit(tx, actor, {
          action: 'rating.scores.save',
          targetType: 'station_rating',
          targetId: id,
          detail: { scores: body.scores.map((s) => ({ itemCode: s.itemCode, score: s.score })) },
        });
      });
      return detail(actor, id);
    },

    async uploadEvidence(
      actor: Actor,
      id: number,
      upload: () => Promise<{ file: ReceivedFile; fields: Record<string, string> }>,
    ) {
      const r = await editable(actor, id);
      const { file, fields } = await upload();
      const itemCode = fields.itemCode ?? '';
      const known = checklistItems((await checklistOf(r.checklistId)).standards).some((i) => i.code === itemCode);
      if (!known)
        throw validation('itemCode', itemCode ? `评定标准中没有评分项“${itemCode}”` : '请指明材料所属的评分项');
      return db.transaction(async (tx) => {
        const stored = await deps.files.store(tx, file, { purpose, ownerUnitId: r.stationId, createdBy: actor.userId });
        await repo.linkRatingFile(tx, { ratingId: id, fileId: stored.id, itemCode, uploadedBy: actor.userId });
        await appendAudit(tx, actor, {
          action: 'rating.evidence.upload',
          targetType: 'station_rating',
          targetId: id,
          detail: { fileId: stored.id, itemCode, sha256: stored.sha256 },
        });
        return { ...stored, itemCode };
      });
    },

    /** Evidence of a rating, for whoever may see the rating: only a file uploaded for it. */
    async evidenceFile(actor: Actor, id: number, fileId: number) {
      await readable(actor, id);
      const links = await repo.ratingFiles(db, id);
      if (!links.some((l) => l.fileId === fileId)) throw notFound('佐证材料');
      return deps.files.openLinked(fileId, purpose);
    },

    async transition(actor: Actor, id: number, body: TRatingTransitionBody): Promise<TRatingDetail> {
      const r = await readable(actor, id);
      if (reviewActions.has(body.action)) requirePermission(actor, 'rating:review');
      else assertWritable(actor, stationRatingKind, r, stationRatingReach);
      const move = allowTransition(ratingTransitions, body.action, r.status, ratingStatusLabels, {
        opinion: body.opinion,
      });
      const checklist = await checklistOf(r.checklistId);
      const set: Record<string, unknown> = { status: move.to };
      if (body.action === 'submit') {
        const scored = new Set((await repo.scoresOf(db, [id])).map((s) => s.itemCode));
        const open = checklistItems(checklist.standards).filter((i) => !scored.has(i.code));
        if (open.length) throw validation('scores', `尚有评分项未打分：${open.map((i) => i.name).join('、')}`);
        Object.assign(set, { submitted_by: actor.userId, submitted_at: new Date().toISOString() });
      } else {
        Object.assign(set, {
          reviewed_by: actor.userId,
          reviewed_at: new Date().toISOString(),
          review_opinion: body.opinion ?? null,
          stars: body.action === 'approve' ? starsFor(r.totalScore, checklist.bands) : null,
        });
      }
      await db.transaction((tx) =>
        recordTransition(tx, actor, {
          change: () => repo.setRatingStatus(tx, { id, version: body.version }, set),
          // A rating keeps no event table: its history is the audit trail.
          event: async () => {},
          audit: {
            action: `rating.${body.action}`,
            targetType: 'station_rating',
            targetId: id,
            detail: { from: r.status, to: move.to, totalScore: r.totalScore, stars: set.stars, opinion: body.opinion },
          },
        }),
      );
      return detail(actor, id);
    },
  };
}

export type StationRatingService = ReturnType<typeof createStationRatingService>;
