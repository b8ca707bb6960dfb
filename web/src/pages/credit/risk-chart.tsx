import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { RiskClass } from '../../../../src/domain/spot-check-draw.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { riskClasses, riskClassLabel, riskColours } from './credit-labels.ts';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface RiskRow {
  label: string;
  counts: Record<RiskClass, number>;
}

/** Stacked bars: one per station or industry, split A–D. */
export function RiskChart({ rows, testId }: { rows: RiskRow[]; testId: string }) {
  const t = useT();
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current);
    chart.setOption({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: rows.map((r) => r.label), inverse: true },
      series: riskClasses.map((c) => ({
        name: `${c} ${riskClassLabel(t, c)}`,
        type: 'bar',
        stack: 'total',
        itemStyle: { color: riskColours[c] },
        data: rows.map((r) => r.counts[c]),
      })),
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [rows, t]);
  return <div ref={el} style={{ height: Math.max(220, rows.length * 30 + 60), width: '100%' }} data-testid={testId} />;
}
