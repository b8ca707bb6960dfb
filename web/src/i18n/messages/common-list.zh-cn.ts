/** Shared list-page chrome (breadcrumb, search form, toolbar, pager). */
export const commonListZhCN = {
  'list.expand': '展开',
  'list.collapse': '收起',
  'list.columns': '列设置',
  'list.columnsReset': '重置',
  'list.export': '导出',
  'list.total': '共 {total} 条',
  'list.loaded': '已加载 {count} 条',
  'list.loadedOfTotal': '已加载 {count} 条，共 {total} 条',
  'list.breadcrumb': '当前位置',
  'common.separator': '、',
  'common.nameWithId': '{name}（{id}）',
  'common.fieldMessage': '{field}：{message}',
  'common.messageSeparator': '；',
} as const;
