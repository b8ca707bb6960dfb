import type { TScreenFigures, TScreenStation } from '../../api/screen.ts';
import type { MessageKey } from '../../i18n/zh-cn.ts';
import { SCHEMATIC_MAP, type ScreenChartOption, schematicLabels } from './screen-chart.tsx';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

export const screenColours = {
  text: '#cfe3ff',
  muted: '#7f9cc7',
  accent: '#3fd0ff',
  warn: '#ff6b6b',
  grid: 'rgba(63, 208, 255, 0.12)',
  classes: { A: '#3ddc97', B: '#3fa7ff', C: '#ffb547', D: '#ff5d5d' } as Record<string, string>,
};

const axis = {
  axisLine: { lineStyle: { color: screenColours.muted } },
  axisLabel: { color: screenColours.muted, fontSize: 13 },
  splitLine: { lineStyle: { color: screenColours.grid } },
};
const grid = { left: 44, right: 16, top: 24, bottom: 28 };

/** New registrations per month (12 bars). */
export const monthlyOption = (monthly: NonNullable<TScreenFigures['entities']>['monthly']): ScreenChartOption => ({
  grid,
  tooltip: { trigger: 'axis' },
  xAxis: { type: 'category', data: monthly.map((m) => m.month.slice(2)), ...axis },
  yAxis: { type: 'value', ...axis },
  series: [{ type: 'bar', data: monthly.map((m) => m.n), itemStyle: { color: screenColours.accent }, barWidth: '55%' }],
});

/** 12315 items per day, 30 days. */
export const trendOption = (daily: NonNullable<TScreenFigures['complaints']>['daily']): ScreenChartOption => ({
  grid,
  tooltip: { trigger: 'axis' },
  xAxis: { type: 'category', data: daily.map((d) => d.day.slice(5)), boundaryGap: false, ...axis },
  yAxis: { type: 'value', minInterval: 1, ...axis },
  series: [
    {
      type: 'line',
      data: daily.map((d) => d.n),
      smooth: true,
      symbolSize: 6,
      lineStyle: { color: screenColours.accent, width: 2 },
      itemStyle: { color: screenColours.accent },
      areaStyle: { color: 'rgba(63, 208, 255, 0.18)' },
    },
  ],
});

/** Risk classes A–D as a ring. */
export const classesOption = (classes: NonNullable<TScreenFigures['credit']>['classes']): ScreenChartOption => ({
  tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
  series: [
    {
      type: 'pie',
      radius: ['45%', '72%'],
      center: ['50%', '52%'],
      label: { color: screenColours.text, fontSize: 14, formatter: '{b}\n{c}' },
      data: (['A', 'B', 'C', 'D'] as const).map((c) => ({
        name: c,
        value: classes[c],
        itemStyle: { color: screenColours.classes[c] },
      })),
    },
  ],
});

/** The schematic district map, stations shaded by registered entities; the tooltip shows each station's figures. */
export const mapOption = (t: T, stations: readonly TScreenStation[]): ScreenChartOption => {
  const max = Math.max(1, ...stations.map((s) => s.entities));
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const s = stations.find((x) => x.code === (p as { name: string }).name);
        return s
          ? t('screen.map.tooltip', {
              name: s.name,
              entities: s.entities.toLocaleString(),
              complaints: s.complaintsThisMonth,
              overdue: s.overdue,
              cases: s.casesThisYear,
            })
          : '';
      },
    },
    visualMap: {
      min: 0,
      max,
      show: false,
      inRange: { color: ['#0b3a6b', '#1f78c1', '#3fd0ff'] },
    },
    series: [
      {
        type: 'map',
        map: SCHEMATIC_MAP,
        roam: false,
        layoutCenter: ['50%', '50%'],
        layoutSize: '95%',
        itemStyle: { borderColor: '#7fe3ff', borderWidth: 1.5, areaColor: '#0b3a6b' },
        emphasis: { itemStyle: { areaColor: '#ffd166' }, label: { color: '#06122b' } },
        label: {
          show: true,
          color: '#ffffff',
          fontSize: 15,
          formatter: (p: unknown) => {
            const s = stations.find((x) => x.code === (p as { name: string }).name);
            return s ? `${schematicLabels[s.code] ?? s.name}\n${s.entities.toLocaleString()}` : '';
          },
        },
        data: stations.map((s) => ({ name: s.code, value: s.entities })),
      },
    ],
  };
};
