import { createRequire } from 'node:module';
import { complaintKinds } from '../../../contracts/complaints.ts';
import type { Db } from '../../../db/client.ts';
import { shanghaiToday } from '../../../domain/deadlines.ts';
import { detectSpike, textSimilarity } from '../../../domain/spike.ts';
import { aggregateReach } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { findEntityRef } from '../../entities/directory.ts';
import * as repo from '../repos/analysis.ts';
import { listCategories, unitNames } from '../repos/reference.ts';

const require = createRequire(import.meta.url);
type Jieba = { cut(text: string, hmm: boolean): string[] };
let jieba: Jieba | undefined;
function segmenter(): Jieba {
  if (!jieba) {
    const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(d: Uint8Array): Jieba } };
    jieba = Jieba.withDict((require('@node-rs/jieba/dict') as { dict: Uint8Array }).dict);
  }
  return jieba;
}

// Words that say nothing about the topic of a complaint.
const STOPWORDS = new Set(
  '要求 我们 他们 商家 消费者 投诉 举报 发现 没有 一个 进行 已经 现在 可以 因为 但是 自己 这个 情况 问题 处理 时候 表示 之后 以后 还是 就是 并且 以及 导致 不能 无法 相关'.split(
    ' ',
  ),
);

const monthStart = (ym: string) => `${ym}-01`;
const shiftYear = (ym: string, years: number) => `${Number(ym.slice(0, 4)) + years}${ym.slice(4)}`;
const yoy = (now: number, before: number) => (before === 0 ? null : Math.round(((now - before) / before) * 1000) / 10);

export const HOT_TOPIC_SAMPLE = 2000;
const HOT_TOPIC_TTL_MS = 5 * 60_000;

export function segmentTopics(texts: string[], top: number): { word: string; count: number }[] {
  const counts = new Map<string, number>();
  const cut = segmenter();
  for (const text of texts) {
    for (const word of new Set(cut.cut(text, true))) {
      if ([...word].length < 2 || STOPWORDS.has(word) || /^[\d\p{P}\s]+$/u.test(word)) continue;
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([word, count]) => ({ word, count }));
}

export function createComplaintAnalysis(db: Db, now: () => Date = () => new Date()) {
  const hotTopicCache = new Map<string, { at: number; words: { word: string; count: number }[] }>();
  return {
    /** Counts by a dimension for [from, to] (YYYY-MM), with the same months a year earlier. */
    async summary(actor: Actor, by: repo.Dimension, from: string, to: string) {
      const [current, previous] = await Promise.all([
        repo.statsBy(db, actor, by, monthStart(from), monthStart(to)),
        repo.statsBy(db, actor, by, monthStart(shiftYear(from, -1)), monthStart(shiftYear(to, -1))),
      ]);
      const labels = await dimensionLabels(by);
      const before = new Map(previous.map((r) => [r.key, r.received]));
      const items = current.map((r) => ({
        ...r,
        label: labels.get(r.key) ?? r.key,
        lastYear: before.get(r.key) ?? 0,
        yoyPct: yoy(r.received, before.get(r.key) ?? 0),
      }));
      const sum = (rows: repo.StatRow[], f: keyof repo.StatRow) => rows.reduce((a, r) => a + Number(r[f]), 0);
      const received = sum(current, 'received');
      const lastYear = sum(previous, 'received');
      return {
        from,
        to,
        by,
        items,
        totals: {
          received,
          closed: sum(current, 'closed'),
          recoveredFen: sum(current, 'recoveredFen'),
          lastYear,
          yoyPct: yoy(received, lastYear),
        },
      };
    },

    /**
     * The most frequent meaningful words in the latest descriptions of the period (jieba segmentation).
     * Segmenting is the cost (≈ 20–80 µs a text), so a sample of the latest items, kept for a few minutes as
     * the monthly figures beside it are.
     */
    async hotTopics(actor: Actor, from: string, to: string, top = 30) {
      const key = `${JSON.stringify(aggregateReach(actor))}|${from}|${to}|${top}`;
      const hit = hotTopicCache.get(key);
      if (hit && Date.now() - hit.at < HOT_TOPIC_TTL_MS) return hit.words;
      const words = segmentTopics(await repo.descriptionsSample(db, actor, from, to, HOT_TOPIC_SAMPLE), top);
      if (hotTopicCache.size >= 200) hotTopicCache.delete(hotTopicCache.keys().next().value!);
      hotTopicCache.set(key, { at: Date.now(), words });
      return words;
    },

    async rebuildStats(fromMonth = '1900-01-01') {
      return { rows: await db.transaction((tx) => repo.rebuildMonthlyStats(tx, fromMonth)) };
    },

    /** Daily: draft 消费预警 for categories or businesses whose last 7 days jump above the previous 8 weeks. */
    async detectSpikes() {
      const today = shanghaiToday(now());
      const windowStart = new Date(Date.parse(`${today}T00:00:00Z`) - 6 * 86_400_000).toISOString().slice(0, 10);
      let drafted = 0;
      for (const scope of ['category', 'entity'] as const) {
        const rows = await repo.weeklyCounts(db, scope, today, 9);
        const byKey = new Map<string, { name: string; weeks: number[] }>();
        for (const r of rows) {
          const entry = byKey.get(r.key) ?? { name: r.name, weeks: Array(9).fill(0) };
          entry.weeks[r.week] = r.n;
          byKey.set(r.key, entry);
        }
        for (const [key, { name, weeks }] of byKey) {
          const [observed = 0, ...baseline] = weeks;
          const s = detectSpike(observed, baseline);
          if (!s.spike) continue;
          const what = scope === 'category' ? `“${name}”类` : `涉及“${name}”的`;
          const stationId =
            scope === 'entity' ? ((await findEntityRef(db, { entityId: Number(key) }))?.stationId ?? null) : null;
          const inserted = await db.transaction((tx) =>
            repo.insertAlert(tx, {
              scope,
              scopeKey: key,
              scopeName: name,
              windowStart,
              windowEnd: today,
              observed,
              expected: s.expected,
              title: `关于${name}的消费预警（草稿）`,
              draftText: `近7日（${windowStart}至${today}）共收到${what}投诉举报${observed}件，前8周周均${s.expected}件。请消费者提高警惕，保留购物凭证，遇到问题可拨打12315或登录全国12315平台反映。`,
              stationId,
            }),
          );
          if (inserted) drafted++;
        }
      }
      return { drafted };
    },

    /** Links items about the same business, received close together, whose texts are alike. */
    async linkDuplicates(since: string, days = 30, minSimilarity = 0.3) {
      const pairs = await repo.duplicateCandidates(db, since, days);
      let linked = 0;
      await db.transaction(async (tx) => {
        for (const p of pairs) {
          const sim = textSimilarity(p.aText, p.bText);
          if (sim < minSimilarity) continue;
          await repo.insertLink(tx, p.aId, p.bId, Math.round(sim * 1000) / 1000, `同一经营者${days}日内内容相似`);
          linked++;
        }
      });
      return { linked };
    },

    /**
     * Drafted alerts the caller may read (access.ts, kind complaint-alert): a district-wide caller all of them, one
     * limited to some stations those about businesses of their stations (a category alert covers the whole
     * district), a self-scoped caller none (no alert is anyone's own).
     */
    alerts: (actor: Actor) => repo.listAlerts(db, actor, 100),
  };

  async function dimensionLabels(by: repo.Dimension): Promise<Map<string, string>> {
    if (by === 'category') return new Map((await listCategories(db)).map((c) => [c.code, c.name]));
    if (by === 'kind') return new Map(Object.entries(complaintKinds));
    if (by === 'station') return new Map((await unitNames(db)).map((u) => [String(u.id), u.name]));
    return new Map(Array.from({ length: 12 }, (_, i) => [String(i + 1).padStart(2, '0'), `${i + 1}月`]));
  }
}

export type ComplaintAnalysis = ReturnType<typeof createComplaintAnalysis>;
