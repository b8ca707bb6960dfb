import type { rollupZhCN } from './rollup.zh-cn.ts';

export const rollupEnUS: Record<keyof typeof rollupZhCN, string> = {
  'nav.province': 'Province roll-up',
  'province.subtitle':
    "The cities' data replicated into the province database (no personal data); the region code tells the cities apart",
  'province.empty.title': 'This installation subscribes to no city',
  'province.empty.detail':
    'The province roll-up gathers the cities (districts) by PostgreSQL logical replication. Run npx shijian rollup publish in each city, then npx shijian rollup subscribe --city CODE --url CITY_DATABASE_URL --name NAME here; this page then shows the figures per city.',
  'province.empty.docs': 'See docs/SCALING.md, "Cities → province roll-up".',
  'province.problem': '{code} {name}: figures may be incomplete',
  'province.cities': '{count} cities',
  'province.regionCode': 'Region code',
  'province.city': 'City',
  'province.cityLabel': '{name} ({code})',
  'province.entities': 'Entities',
  'province.activeEntities': 'Active',
  'province.abnormalListed': 'Abnormal list',
  'province.spotChecks': 'Random spot checks',
  'province.spotCheckVisits': 'Visits',
  'province.spotCheckInspected': 'Inspected',
  'province.spotCheckProblems': 'Problems found',
  'province.problemRate': 'Problem rate',
  'province.risk': 'Credit risk class',
  'province.complaints': '12315 items',
  'province.cases': 'Cases',
  'province.finesYuan': 'Fines (yuan)',
  'province.total': 'Total',
  'province.compare': 'Cities compared',
  'province.months': '12315 items per month, last 12 months',
  'province.export': 'Export to Excel',
};
