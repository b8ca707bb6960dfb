/**
 * Rules every 抽检/抽查 shares (food sampling and product quality sampling): per-item conclusions fold into the
 * sample's, and a 合格率 is passed batches over sampled batches, one decimal.
 */
export type Conclusion = 'pass' | 'fail';

/** One 不合格 item makes the sample 不合格. */
export const sampleConclusion = (items: readonly { conclusion: Conclusion }[]): Conclusion =>
  items.some((i) => i.conclusion === 'fail') ? 'fail' : 'pass';

/** 合格率 in percent with one decimal; null when nothing was tested. */
export const passRate = (passed: number, tested: number): number | null =>
  tested ? Math.round((passed / tested) * 1000) / 10 : null;

const DAY = 86_400_000;
export const addCalendarDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
