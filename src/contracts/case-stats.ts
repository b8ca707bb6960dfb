import { z } from './zod.ts';

/**
 * 执法办案统计 (GET /api/v1/case-stats?year=2026&groupBy=station|department|violationArea|month).
 *
 * Definitions (each figure in the month of its own event, within the caller's reach over cases):
 * - opened 立案: cases with filed_on in the year (openedGeneral / openedSummary: 一般程序 / 简易程序;
 *   openedMajor: of them flagged 大要案).
 * - closed 结案: closed_on in the year; closedMajor 大要案 counts the 大要案 among them (the seeds: "办结各类案件365件，
 *   其中大要案件77件").
 * - decidedPenalty: 处罚 decisions (decision_kind penalty) with decided_on in the year, annulled decisions excluded.
 * - penaltyFen 罚没款 = finesFen + confiscatedFen of those decisions, as decided (not as paid): finesFen the sum of
 *   their 罚款 (case_penalties kind fine), confiscatedFen their 没收 — the larger of cases.confiscated_fen and the sum of
 *   their confiscate_gains / confiscate_property penalties. majorPenaltyFen: 罚没款 of 大要案 ("大要案罚没款").
 * - caseValueFen 案值 and goodsValueFen 涉案货值: of the cases opened in the year.
 * - transferred 移送司法机关: decisions in the year transferring the case (decision_kind transfer) or flagged
 *   transferred_to_judiciary. typical 典型案例: decisions in the year marked typical.
 * `previous`: the same months of the previous year — January through the month of `asOf` when the year is the current
 * one, the whole year otherwise; grouped by month, each month of the previous year in full (the line chart).
 * Year-on-year: (this − last) / last in %, one decimal; null when last year is 0.
 */
export const caseStatsDimensions = ['station', 'department', 'violationArea', 'month'] as const;

export const ZCaseStatsQuery = z.object({
  year: z.coerce.number().int().min(2000, '统计年度不能早于2000年').max(2100, '统计年度不能晚于2100年'),
  groupBy: z.enum(caseStatsDimensions).default('station'),
});

export const ZCaseFigures = z.object({
  opened: z.number(),
  openedGeneral: z.number(),
  openedSummary: z.number(),
  openedMajor: z.number(),
  closed: z.number(),
  closedMajor: z.number(),
  decidedPenalty: z.number(),
  finesFen: z.number(),
  confiscatedFen: z.number(),
  penaltyFen: z.number(),
  majorPenaltyFen: z.number(),
  caseValueFen: z.number(),
  goodsValueFen: z.number(),
  transferred: z.number(),
  typical: z.number(),
});
export type CaseFigures = z.infer<typeof ZCaseFigures>;

export const ZCaseStatsResult = z.object({
  year: z.number().int(),
  groupBy: z.enum(caseStatsDimensions),
  /** The day the figures run to (today for the current year, 31 December otherwise). */
  asOf: z.string(),
  items: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      current: ZCaseFigures,
      previous: ZCaseFigures,
    }),
  ),
  totals: z.object({
    current: ZCaseFigures,
    previous: ZCaseFigures,
    yoyPct: z.record(z.string(), z.number().nullable()),
  }),
});
export type CaseStatsResult = z.infer<typeof ZCaseStatsResult>;
