import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TReportFigure } from '../../contracts/reports.ts';
import { workReportCharts } from './charts.ts';
import { narrative, shown, yoy, yuan } from './narrative.ts';
import { change, pairFigures, yearEarlier } from './period.ts';
import { chartPng } from './svg-png.ts';
import { svgShapes } from './svg-shapes.ts';

const fig = (
  key: string,
  unit: TReportFigure['unit'],
  value: number | null,
  previous: number | null,
): TReportFigure => ({
  key,
  module: key.split('.')[0]!,
  label: key,
  measure: unit === 'count' ? '户' : '',
  unit,
  value,
  previous,
  change: change(unit, value, previous),
  query: 'SELECT 1',
});

test('the same period a year earlier, 29 February included', () => {
  assert.equal(yearEarlier('2026-12-04'), '2025-12-04');
  assert.equal(yearEarlier('2028-02-29'), '2027-02-28');
  assert.equal(yearEarlier('2025-02-28'), '2024-02-28');
});

test('year-on-year: percent of the earlier count, points for a rate, nothing to compare with 0 or null', () => {
  assert.equal(change('count', 110, 100), 10);
  assert.equal(change('fen', 50, 200), -75);
  assert.equal(change('count', 5, 0), null);
  assert.equal(change('percent', 80.5, 78.2), 2.3);
  assert.equal(change('percent', null, 78.2), null);
  const [paired] = pairFigures([{ key: 'a.b', label: 'x', measure: '件', unit: 'count', value: 3, query: 'q' }], []);
  assert.equal(paired!.previous, null);
  assert.equal(paired!.module, 'a');
});

test('the narrative prints only the figures, with their changes', () => {
  assert.equal(yuan(123456), '1234.56');
  assert.equal(yuan(5), '0.05');
  assert.equal(shown({ unit: 'percent', measure: '' }, 97.84), '97.8%');
  assert.equal(yoy(fig('entities.total', 'count', 110, 100)), '，同比增长10.0%');
  assert.equal(yoy(fig('complaints.mediationRate', 'percent', 70, 72.5)), '，同比降低2.5个百分点');
  assert.equal(yoy(fig('cases.filed', 'count', 3, 0)), '（上年同期为0）');
  const figures = [fig('entities.total', 'count', 51632, 48000), fig('entities.newTotal', 'count', 4000, 4000)];
  const [p] = narrative({ to: '2026-12-31', unit: { id: null, name: '南海区市场监督管理局' }, figures }, [
    'entities',
    'x',
  ]);
  assert.match(
    p!.text,
    /^截至2026年12月31日，南海区市场监督管理局实有市场主体51632户，同比增长7\.6%。期内新增市场主体4000户，与上年同期持平/,
  );
  // A figure no provider gave is a dash, never a number.
  assert.match(p!.text, /其中企业—/);
});

test('charts: ECharts SVG read into shapes, a PNG fallback of the bars', () => {
  const figures = [fig('entities.newEnterprise', 'count', 30, 20), fig('complaints.complaints', 'count', 5, 9)];
  const charts = workReportCharts({
    unit: { id: null, name: 'x' },
    from: '2026-01-01',
    to: '2026-12-31',
    previousFrom: '2025-01-01',
    previousTo: '2025-12-31',
    generatedAt: '',
    figures,
    narrative: [],
  });
  assert.deepEqual(
    charts.map((c) => c.title),
    ['新增市场主体（户）', '12315 诉求（件）'],
  );
  const shapes = svgShapes(charts[0]!.svg);
  assert.ok(shapes.some((s) => s.kind === 'text' && s.text === '企业'));
  assert.ok(shapes.some((s) => s.kind === 'text' && s.text === '上年同期'));
  assert.ok(shapes.filter((s) => s.kind === 'path' && s.fill && /^M[\d.]+ [\d.]+l/.test(s.d)).length >= 2, 'the bars');
  const png = chartPng(charts[0]!);
  assert.equal(png.subarray(1, 4).toString(), 'PNG');
  assert.equal(png.readUInt32BE(16), charts[0]!.width);
});
