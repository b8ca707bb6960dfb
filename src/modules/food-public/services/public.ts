import type { z } from 'zod';
import type {
  TOpenGradeQuery,
  TPublicFoodBusiness,
  TPublicFoodDetail,
  TPublicHonourList,
  ZPublicFoodSearchQuery,
  ZPublicHonourQuery,
} from '../../../contracts/food-public.ts';
import { inspectionResultLabels } from '../../../contracts/food-public.ts';
import type { Db } from '../../../db/client.ts';
import { decodeCursor, encodeCursor, keysetPage } from '../../../db/sql.ts';
import { bigramTsquery } from '../../../domain/bigrams.ts';
import { gradeFaces, gradeLabels } from '../../../domain/food-honour.ts';
import { foodLicenceKindLabels, normaliseLicenceNo } from '../../../domain/food-licence.ts';
import { maskPersonalTextOrNull } from '../../../domain/personal-text.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import { notFound, validation } from '../../../platform/errors.ts';
import * as honourRepo from '../repos/honour.ts';
import * as repo from '../repos/public.ts';

/** Letters then digits, as a licence number starts (JY2…, SC1…, YB…), or digits only: searched as a number prefix. */
const LICENCE_PREFIX = /^(JY|SC|YB)\d{0,14}$|^(JY|SC|YB)$/;

/** How many of the newest food businesses a first page looks through before it asks the bigram index. */
export const WALK_PROBE = 2000;

const badCursor = () => validation('cursor', '分页游标无效，请从第一页重新查询');

function gradeView(cell: repo.GradeCell | null) {
  if (!cell) return null;
  return {
    grade: cell.grade,
    label: gradeLabels[cell.grade] ?? cell.grade,
    face: gradeFaces[cell.grade] ?? null,
    gradedOn: String(cell.gradedOn).slice(0, 10),
    year: cell.year,
  };
}

const toBusiness = (r: repo.PublicBusinessRow): TPublicFoodBusiness => ({
  id: Number(r.id),
  name: r.name,
  licenceNo: r.licenceNo,
  address: maskPersonalTextOrNull(r.address),
  stationName: r.stationName,
  dynamicGrade: gradeView(r.dynamic),
  annualGrade: gradeView(r.annual),
});

const iso = (v: string | Date) => (v instanceof Date ? v.toISOString() : String(v));

/**
 * The portal's food page (no login) and the open-data grades: only what may be public (registry name and address,
 * masked as the entity page does; grades in force; the latest done inspection's date and result; replies and
 * 红黑榜 once published). No staff, no health-certificate data.
 */
export function createFoodPublicService(db: Db, deps: { now?: () => Date } = {}) {
  const today = () => shanghaiToday(deps.now?.() ?? new Date());

  async function publishedLists(q: z.infer<typeof ZPublicHonourQuery>) {
    let before: [string, number] | undefined;
    if (q.cursor) {
      const [month, id] = decodeCursor(q.cursor) ?? [];
      if (typeof month !== 'string' || !/^\d{4}-\d{2}$/.test(month) || !Number.isSafeInteger(id)) throw badCursor();
      before = [month, id as number];
    }
    const rows = await honourRepo.publishedLists(db, { stationId: q.stationId, month: q.month, before }, q.limit + 1);
    const page = keysetPage(rows, q.limit, (r) => [r.month, r.id]);
    const entries = await honourRepo.entriesOf(
      db,
      page.items.map((r) => r.id),
    );
    const items: TPublicHonourList[] = page.items.map((l) => {
      const mine = entries
        .filter((e) => e.listId === l.id && e.removedReason === null)
        .map(({ id: _i, listId: _l, removedReason: _r, ...e }) => ({
          ...e,
          address: maskPersonalTextOrNull(e.address),
        }));
      return {
        id: l.id,
        stationName: l.stationName,
        month: l.month,
        publishedAt: l.publishedAt!,
        red: mine.filter((e) => e.board === 'red'),
        black: mine.filter((e) => e.board === 'black'),
      };
    });
    return { items, nextCursor: page.nextCursor };
  }

  return {
    /** By a fragment of the name (≥ 2 characters, bigram index) or a licence number prefix. */
    async search(q: z.infer<typeof ZPublicFoodSearchQuery>) {
      const upper = normaliseLicenceNo(q.q);
      const cursor = q.cursor ? decodeCursor(q.cursor) : undefined;
      if (q.cursor && !cursor) throw badCursor();
      if (LICENCE_PREFIX.test(upper) && upper.length >= 4) {
        const afterNo = cursor?.[0];
        if (cursor && typeof afterNo !== 'string') throw badCursor();
        const rows = await repo.searchByLicence(db, { prefix: upper, afterNo: afterNo as string }, q.limit + 1);
        const page = keysetPage(rows, q.limit, (r) => [r.matchedNo]);
        return { items: page.items.map(toBusiness), nextCursor: page.nextCursor };
      }
      const tsquery = bigramTsquery(q.q);
      if (!tsquery) throw validation('q', '请输入至少2个字的名称，或许可证编号');
      const [before, walkFlag] = cursor ?? [];
      if (cursor && !Number.isSafeInteger(before)) throw badCursor();
      const fragment = q.q.trim();
      const beforeEntityId = before as number | undefined;
      let plan: repo.NamePlan = walkFlag === 1 ? 'walk' : 'index';
      let rows: Awaited<ReturnType<typeof repo.searchByName>> | undefined;
      if (!cursor) {
        // First page: look among the newest WALK_PROBE businesses first. A fragment many names share fills the
        // page there (and later pages walk on); one that does not is rare enough for the index. No estimate:
        // correlated bigrams (every 佛山市南海区… name holds 山市, 市南, 南海) fool the planner's product of selectivities.
        const probe = await repo.searchByName(db, { tsquery, fragment, plan: 'walk', probe: WALK_PROBE }, q.limit + 1);
        if (probe.length > q.limit) [plan, rows] = ['walk', probe];
      }
      rows ??= await repo.searchByName(db, { tsquery, fragment, beforeEntityId, plan }, q.limit + 1);
      const items = rows.slice(0, q.limit);
      const last = items.at(-1);
      const nextCursor =
        rows.length > q.limit && last ? encodeCursor([Number(last.entityId), plan === 'walk' ? 1 : 0]) : null;
      return { items: items.map(toBusiness), nextCursor };
    },

    async business(id: number): Promise<TPublicFoodDetail> {
      const row = await repo.businessById(db, id);
      if (!row) throw notFound('食品经营者');
      const [licences, inspection, reply, honours] = [
        await repo.licencesOf(db, id),
        await repo.latestInspection(db, id),
        row.dynamic ? await repo.publishedReply(db, row.dynamic.id) : undefined,
        await repo.publishedHonoursOf(db, id),
      ];
      return {
        ...toBusiness(row),
        licences: licences.map((l) => ({
          ...l,
          kindLabel: foodLicenceKindLabels[l.kind as keyof typeof foodLicenceKindLabels] ?? l.kind,
        })),
        latestInspection: inspection
          ? {
              inspectedOn: inspection.inspectedOn,
              result: inspection.result,
              resultLabel: inspection.result
                ? inspectionResultLabels[inspection.result as keyof typeof inspectionResultLabels]
                : null,
            }
          : null,
        reply: reply ? { body: reply.body, publishedAt: iso(reply.publishedAt) } : null,
        honours,
        asOf: today(),
      };
    },

    publishedLists,

    /** Open data: one page of grades with the next page's link. */
    async openGrades(q: TOpenGradeQuery, path: string) {
      const [afterId] = decodeCursor(q.cursor) ?? [];
      if (q.cursor && !Number.isSafeInteger(afterId)) throw badCursor();
      const rows = await repo.openGrades(db, { ...q, afterId: afterId as number | undefined }, q.limit + 1);
      const page = keysetPage(rows, q.limit, (r) => [Number(r.id)]);
      const items = page.items.map((r) => ({
        ...r,
        id: Number(r.id),
        businessId: Number(r.businessId),
        stationId: Number(r.stationId),
        address: maskPersonalTextOrNull(r.address),
        gradeLabel: gradeLabels[r.grade] ?? r.grade,
      }));
      const next = page.nextCursor
        ? `${path}?${new URLSearchParams({
            limit: String(q.limit),
            ...(q.stationId && { stationId: String(q.stationId) }),
            ...(q.grade && { grade: q.grade }),
            ...(q.kind && { kind: q.kind }),
            ...(q.updatedSince && { updatedSince: q.updatedSince }),
            cursor: page.nextCursor,
          })}`
        : null;
      return { items, nextCursor: page.nextCursor, next };
    },
  };
}

export type FoodPublicService = ReturnType<typeof createFoodPublicService>;
