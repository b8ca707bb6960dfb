import type { Queryable } from '../../../db/client.ts';
import { escapeLike, Where } from '../../../db/sql.ts';
import { type AggregateReach, publicWhere } from '../../../platform/access.ts';
import { foodSampleKind } from '../access.ts';

/**
 * 合格率 by 食品大类 and month of sampling: a sample counts once it has a conclusion; a 复检 conclusion replaces the
 * first one (the 复检 result is the final one, Art. 35).
 */
export async function passRates(
  db: Queryable,
  reach: AggregateReach,
  p: { from: string; to: string; stationId?: number },
) {
  const w = new Where().add('fs.conclusion IS NOT NULL').add('fs.sampled_on BETWEEN ?::date AND ?::date', p.from, p.to);
  if ('unitIds' in reach) w.add('fs.station_id = ANY(?::bigint[])', reach.unitIds);
  if ('userId' in reach) w.add('fs.created_by = ?', reach.userId);
  w.addIf(p.stationId, 'fs.station_id = ?');
  return db.query<{ month: string; foodCategory: string; tested: number; passed: number; failed: number }>(
    `SELECT to_char(fs.sampled_on, 'YYYY-MM') AS month, fs.food_category AS "foodCategory", count(*)::int AS tested,
            count(*) FILTER (WHERE coalesce(fs.retest_conclusion, fs.conclusion) = 'pass')::int AS passed,
            count(*) FILTER (WHERE coalesce(fs.retest_conclusion, fs.conclusion) = 'fail')::int AS failed
       FROM food_samples fs ${w} GROUP BY 1, 2 ORDER BY 1, 2`,
    w.params,
  );
}

export interface PublicSampleRow {
  id: number;
  entityName: string;
  uscc: string;
  stage: string;
  foodCategory: string;
  foodName: string;
  batchNo: string;
  producerName: string;
  producedOn: string | null;
  sampledOn: string;
  labName: string;
  conclusion: 'pass' | 'fail';
  failedItems: { itemName: string; value: string; limit: string; standard: string }[];
  publishedOn: string;
}

/** The published results, newest first; 不合格 ones carry their failed items (of the final test). */
export async function publishedSamples(
  db: Queryable,
  p: { conclusion?: string; q?: string; after?: [string, number]; limit: number },
): Promise<PublicSampleRow[]> {
  const w = publicWhere(foodSampleKind, new Where());
  if (p.conclusion) w.add('coalesce(fs.retest_conclusion, fs.conclusion) = ?', p.conclusion);
  if (p.q) w.add('(e.name LIKE ? OR fs.food_name LIKE ?)', `%${escapeLike(p.q)}%`, `%${escapeLike(p.q)}%`);
  if (p.after) w.add('(fs.published_on, fs.id) < (?::date, ?)', p.after[0], p.after[1]);
  return db.query<PublicSampleRow>(
    `SELECT fs.id, e.name AS "entityName", e.uscc, fs.stage, fs.food_category AS "foodCategory",
            fs.food_name AS "foodName", fs.batch_no AS "batchNo", fs.producer_name AS "producerName",
            fs.produced_on::text AS "producedOn", fs.sampled_on::text AS "sampledOn", fs.lab_name AS "labName",
            coalesce(fs.retest_conclusion, fs.conclusion) AS conclusion, fs.published_on::text AS "publishedOn",
            coalesce((SELECT json_agg(json_build_object('itemName', i.item_name, 'value', i.value, 'limit', i.limit_text,
                       'standard', i.standard) ORDER BY i.id)
                        FROM food_sample_items i WHERE i.sample_id = fs.id AND i.conclusion = 'fail'
                         AND i.retest = (fs.retest_conclusion IS NOT NULL)), '[]'::json) AS "failedItems"
       FROM food_samples fs JOIN food_businesses fb ON fb.id = fs.business_id JOIN entities e ON e.id = fb.entity_id
       ${w} ORDER BY fs.published_on DESC, fs.id DESC LIMIT ${w.param(p.limit + 1)}`,
    w.params,
  );
}
