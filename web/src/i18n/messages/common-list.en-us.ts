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
  'common.withNote': '{text} ({note})',
  'common.nameWithId': '{name} ({id})',
  'common.fieldMessage': '{field}: {message}',
  'common.messageSeparator': '; ',
  'apiError.NETWORK.title': 'Network error',
  'apiError.NETWORK.detail': 'Cannot reach the server; check the network and try again',
  'apiError.CONTRACT.title': 'Unexpected response',
  'apiError.CONTRACT.detail':
    'The server answered in an unexpected shape ({path}); reload the page or contact the administrator',
  'apiError.HTTP.detail': 'The server gave an unexpected answer (HTTP {status})',
  'apiError.CLIENT.title': 'Page error',
};
