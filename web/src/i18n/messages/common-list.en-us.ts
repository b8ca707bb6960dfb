import type { commonListZhCN } from './common-list.zh-cn.ts';

export const commonListEnUS: Record<keyof typeof commonListZhCN, string> = {
  'list.expand': 'More filters',
  'list.collapse': 'Fewer filters',
  'list.columns': 'Columns',
  'list.columnsReset': 'Reset',
  'list.export': 'Export',
  'list.total': '{total} in total',
  'list.loaded': '{count} loaded',
  'list.loadedOfTotal': '{count} of {total} loaded',
  'list.breadcrumb': 'You are here',
  'common.separator': ', ',
  'common.nameWithId': '{name} ({id})',
  'common.fieldMessage': '{field}: {message}',
  'common.messageSeparator': '; ',
};
