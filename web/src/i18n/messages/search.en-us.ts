import type { searchZhCN } from './search.zh-cn.ts';

export const searchEnUS: Record<keyof typeof searchZhCN, string> = {
  'search.placeholder': 'Search names, credit codes, tracking codes, case numbers…',
  'search.shortcut': 'Ctrl K',
  'search.open': 'Search',
  'search.hint': 'Type at least 2 characters; credit codes, ID numbers, tracking codes and case numbers match exactly',
  'search.noResult': 'Nothing found',
  'search.failed': 'Search failed, please try again',
  'search.group.pages': 'Pages',
  'search.group.entities': 'Market entities',
  'search.group.complaints': 'Complaints and reports',
  'search.group.cases': 'Penalty cases',
  'search.group.users': 'Users',
  'search.more.entities': 'See all in the entity register',
  'search.matched.legalRep': 'Legal representative',
  'search.matched.idNumber': 'ID number',
  'search.matched.uscc': 'Credit code',
  'search.matched.party': 'Party',
};
