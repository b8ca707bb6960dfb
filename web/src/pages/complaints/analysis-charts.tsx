import { Empty } from 'antd';
import { useMemo } from 'react';
import type { TAnalysis } from '../../api/complaints.ts';
import { type ChartOption, EChart } from '../../components/echart.tsx';
import { type Translate, useI18n, useT } from '../../i18n/i18n-context.tsx';

type Item = TAnalysis['items'][number];

const BLUE = '#1d4ed8';
const LIGHT = '#93c5fd';
const GREY = '#cbd5e1';
const ORANGE = '#ea580c';

// Items without a category (most portal submissions) come back with an empty label.
const labelOf = (t: Translate) => (i: Item) => i.label || t('complaints.uncategorised');

/** Received this period and a year earlier per month, with the year-on-year change as a line. */
export function MonthlyTrendChart({ items }: { items: Item[] }) {
  const { t, lang } = useI18n();
  const option = useMemo<ChartOption>(() => {
    const months = [...items].sort((a, b) => a.key.localeCompare(b.key));
    // The API keys months as "01" … "12" (its label is Chinese): the month's short name in the viewer's language.
    const monthName = new Intl.DateTimeFormat(lang, { month: 'short' });
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('complaints.chartReceived'), t('complaints.chartLastYear'), t('complaints.yoy')] },
      grid: { left: 48, right: 56, top: 40, bottom: 32 },
      xAxis: {
        type: 'category',
        data: months.map((i) =>
          /^\d{2}$/.test(i.key) ? monthName.format(new Date(2000, Number(i.key) - 1, 1)) : labelOf(t)(i),
        ),
      },
      yAxis: [
        { type: 'value', name: t('complaints.unitItems') },
        {
          type: 'value',
          name: t('complaints.yoyPct'),
          axisLabel: { formatter: '{value}%' },
          splitLine: { show: false },
        },
      ],
      series: [
        {
          name: t('complaints.chartReceived'),
          type: 'bar',
          data: months.map((i) => i.received),
          itemStyle: { color: BLUE },
        },
        {
          name: t('complaints.chartLastYear'),
          type: 'bar',
          data: months.map((i) => i.lastYear),
          itemStyle: { color: GREY },
        },
        {
          name: t('complaints.yoy'),
          type: 'line',
          yAxisIndex: 1,
          data: months.map((i) => i.yoyPct),
          itemStyle: { color: ORANGE },
          connectNulls: true,
        },
      ],
    };
  }, [items, t, lang]);
  if (items.length === 0) return <Empty description={t('complaints.noData')} />;
  return <EChart option={option} height={320} testId="analysis-trend" />;
}

/** Horizontal bars, largest first: received with closed beside it, year-on-year in the tooltip. */
export function RankingChart({ items, testId, top = 15 }: { items: Item[]; testId: string; top?: number }) {
  const t = useT();
  const option = useMemo<ChartOption>(() => {
    const rows = items.slice(0, top).reverse();
    return {
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const [first] = params as { dataIndex: number }[];
          const i = rows[first?.dataIndex ?? 0];
          if (!i) return '';
          const yoy = i.yoyPct === null ? '—' : `${i.yoyPct > 0 ? '+' : ''}${i.yoyPct}%`;
          return `${labelOf(t)(i)}<br/>${t('complaints.rankTooltip', { received: i.received, closed: i.closed, lastYear: i.lastYear, yoy })}`;
        },
      },
      legend: { top: 0, data: [t('complaints.received'), t('complaints.closed')] },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: rows.map(labelOf(t)), axisLabel: { width: 120, overflow: 'truncate' } },
      series: [
        { name: t('complaints.received'), type: 'bar', data: rows.map((i) => i.received), itemStyle: { color: LIGHT } },
        { name: t('complaints.closed'), type: 'bar', data: rows.map((i) => i.closed), itemStyle: { color: BLUE } },
      ],
    };
  }, [items, top, t]);
  if (items.length === 0) return <Empty description={t('complaints.noData')} />;
  return <EChart option={option} height={Math.max(200, Math.min(items.length, top) * 28 + 60)} testId={testId} />;
}

/** The most frequent words as bars, most frequent on top. */
export function HotTopicsChart({ words }: { words: { word: string; count: number }[] }) {
  const t = useT();
  const option = useMemo<ChartOption>(() => {
    const rows = words.slice(0, 20).reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: rows.map((w) => w.word) },
      series: [
        {
          name: t('complaints.occurrences'),
          type: 'bar',
          data: rows.map((w) => w.count),
          itemStyle: { color: ORANGE },
        },
      ],
    };
  }, [words, t]);
  if (words.length === 0) return <Empty description={t('complaints.noHotTopics')} />;
  return <EChart option={option} height={Math.min(words.length, 20) * 22 + 40} testId="analysis-hot-topics-chart" />;
}
