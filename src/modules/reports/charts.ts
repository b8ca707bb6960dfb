import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { TWorkReport } from '../../contracts/reports.ts';

echarts.use([BarChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

export interface ReportChart {
  title: string;
  svg: string;
  width: number;
  height: number;
}

const WIDTH = 640;
const HEIGHT = 300;

/** A grouped bar chart (this period beside the same period a year earlier), rendered on the server to SVG. */
function barChart(title: string, labels: string[], current: number[], previous: number[]): ReportChart {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
  chart.setOption({
    animation: false,
    title: { text: title, left: 'center', textStyle: { fontSize: 15 } },
    legend: { bottom: 0, data: ['本期', '上年同期'] },
    grid: { left: 60, right: 20, top: 50, bottom: 60 },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '本期', type: 'bar', data: current, label: { show: true, position: 'top' } },
      { name: '上年同期', type: 'bar', data: previous, label: { show: true, position: 'top' } },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return { title, svg, width: WIDTH, height: HEIGHT };
}

/** The report's charts from its figures (only those present; a chart with none of its figures is left out). */
export function workReportCharts(r: TWorkReport): ReportChart[] {
  const byKey = new Map(r.figures.map((f) => [f.key, f]));
  const chart = (title: string, bars: [string, string][]) => {
    const present = bars.filter(([key]) => byKey.has(key));
    if (!present.length) return [];
    const fig = (key: string) => byKey.get(key);
    return [
      barChart(
        title,
        present.map(([, label]) => label),
        present.map(([key]) => fig(key)?.value ?? 0),
        present.map(([key]) => fig(key)?.previous ?? 0),
      ),
    ];
  };
  return [
    ...chart('新增市场主体（户）', [
      ['entities.newEnterprise', '企业'],
      ['entities.newIndividual', '个体工商户'],
      ['entities.newCooperative', '农民专业合作社'],
    ]),
    ...chart('12315 诉求（件）', [
      ['complaints.complaints', '投诉'],
      ['complaints.reports', '举报'],
      ['complaints.inquiries', '咨询'],
    ]),
    ...chart('监管执法（户次、户、件）', [
      ['spot-checks.inspected', '抽查检查'],
      ['spot-checks.withProblem', '发现问题'],
      ['credit.abnormalListed', '列入异常名录'],
      ['cases.filed', '立案'],
      ['cases.decided', '处罚决定'],
    ]),
  ];
}
