import type { Queryable } from '../db/client.ts';
import { shanghaiToday } from '../domain/shanghai-date.ts';
import { checklistItems, starsFor } from '../domain/station-rating.ts';
import * as ratings from '../modules/station-rating/repo.ts';

/**
 * Last year's 两化 ratings of the demo stations (seed 004: “五星引领、四星带动、三星连片”): six reviewed by the
 * district, one waiting for review, one still being filled in. Points short of full marks per station, in order.
 */
const shortfall = [3, 8, 10, 16, 19, 25, 12, 30];
const notes = ['已按标准落实', '材料齐全', '基本落实，持续改进'];

export async function loadDemoStationRatings(
  tx: Queryable,
  stations: readonly { id: number; chiefId: number }[],
  leaderId: number,
): Promise<number> {
  const year = Number(shanghaiToday().slice(0, 4)) - 1;
  const checklist = await ratings.currentChecklist(tx);
  const items = checklistItems(checklist.standards);
  for (const [i, s] of stations.entries()) {
    const id = await ratings.insertRating(tx, {
      stationId: s.id,
      year,
      checklistId: checklist.id,
      createdBy: s.chiefId,
    });
    if (!id) continue;
    // Take the shortfall off the items in turn, at most half an item's points at a time.
    let left = shortfall[i % shortfall.length] ?? 0;
    const scores = items.map((item, k) => {
      const off = Math.min(left, Math.floor(item.maxPoints / 2));
      left -= off;
      return { itemCode: item.code, score: item.maxPoints - off, note: notes[(i + k) % notes.length] ?? '' };
    });
    await ratings.saveScores(tx, { id, version: 1 }, scores);
    const total = scores.reduce((n, x) => n + x.score, 0);
    if (i === stations.length - 1) continue;
    const submitted = { submitted_by: s.chiefId, submitted_at: `${year + 1}-01-10T02:00:00Z` };
    if (i === stations.length - 2) {
      await ratings.setRatingStatus(tx, { id, version: 2 }, { status: 'submitted', ...submitted });
      continue;
    }
    await ratings.setRatingStatus(
      tx,
      { id, version: 2 },
      {
        status: 'approved',
        ...submitted,
        reviewed_by: leaderId,
        reviewed_at: `${year + 1}-01-20T02:00:00Z`,
        review_opinion: '经区局复核，同意评定',
        stars: starsFor(total, checklist.bands),
      },
    );
  }
  return stations.length;
}
