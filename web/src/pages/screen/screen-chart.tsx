import {
  BarChart,
  type BarSeriesOption,
  LineChart,
  type LineSeriesOption,
  MapChart,
  type MapSeriesOption,
  PieChart,
  type PieSeriesOption,
} from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
  VisualMapComponent,
  type VisualMapComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import schematic from './nanhai-schematic.geo.json';

// The screen's charts, map included; loaded with the /screen route only.
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  MapChart,
  GridComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

/** A SCHEMATIC map: one polygon per demo station, region name = the station's unit code (s01 …). */
export const SCHEMATIC_MAP = 'shijian-district-schematic';
echarts.registerMap(SCHEMATIC_MAP, schematic as unknown as Parameters<typeof echarts.registerMap>[1]);
/** Each region's short label (the town) by unit code, from the map file (data, like the station names). */
export const schematicLabels: Record<string, string> = Object.fromEntries(
  schematic.features.map((f) => [f.properties.name, f.properties.label]),
);

export type ScreenChartOption = echarts.ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | MapSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

/** What a click on a chart element reports: the category name or the data item's name, and its index. */
export interface ChartClick {
  name: string;
  dataIndex: number;
}

/** One ECharts instance on the dark screen: follows the option and the container's size; clicks go to `onClick`. */
export function ScreenChart({
  option,
  onClick,
  testId,
}: {
  option: ScreenChartOption;
  onClick?: (c: ChartClick) => void;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | undefined>(undefined);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = echarts.init(el, 'dark', { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (p) => clickRef.current?.({ name: String(p.name), dataIndex: p.dataIndex }));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({ backgroundColor: 'transparent', ...option }, true);
  }, [option]);
  return <div ref={ref} style={{ width: '100%', height: '100%', cursor: 'pointer' }} data-testid={testId} />;
}
