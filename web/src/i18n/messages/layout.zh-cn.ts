/** The frame around every page: header, language switch, sider. */
export const layoutZhCN = {
  // A language is offered under its own name in every language (an endonym), so both dictionaries agree here.
  'lang.zhCN': '中文',
  'lang.enUS': 'EN',
} as const;
