/** The header search box (web/src/layout/global-search.tsx). */
export const searchZhCN = {
  'search.placeholder': '搜索主体名称、信用代码、查询码、案号…',
  'search.shortcut': 'Ctrl K',
  'search.open': '全局搜索',
  'search.hint': '输入至少2个字；统一社会信用代码、身份证号、查询码、案号精确查找',
  'search.noResult': '没有找到匹配的结果',
  'search.failed': '搜索失败，请稍后重试',
  'search.group.pages': '页面',
  'search.group.entities': '市场主体',
  'search.group.complaints': '投诉举报',
  'search.group.cases': '行政处罚案件',
  'search.group.users': '用户',
  'search.more.entities': '在市场主体列表中查看全部',
  'search.matched.legalRep': '法定代表人',
  'search.matched.idNumber': '证件号码',
  'search.matched.uscc': '信用代码',
  'search.matched.party': '当事人',
} as const;
