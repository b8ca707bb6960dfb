import type { foodPublicZhCN } from './food-public.zh-cn.ts';

export const foodPublicEnUS: Record<keyof typeof foodPublicZhCN, string> = {
  'permission.food:approve': 'Review and publish the food red/black list',
  'foodPublic.nav': 'Food hygiene',
  'foodPublic.title': 'Food hygiene grades',
  'foodPublic.intro':
    'Look up a food business: its current grade (face), annual grade, latest inspection and the red/black list.',
  'foodPublic.searchPlaceholder': 'Business name or food licence number',
  'foodPublic.searchHint': 'Enter at least 2 characters of the name, or a licence number',
  'foodPublic.notFound': 'No food business found',
  'foodPublic.noGrade': 'Not yet graded',
  'foodPublic.dynamic': 'Current grade',
  'foodPublic.annual': 'Annual grade',
  'foodPublic.latestInspection': 'Latest inspection',
  'foodPublic.awaitingInspection': 'Awaiting inspection',
  'foodPublic.reply': "Business's reply",
  'foodPublic.validUntil': 'valid until',
  'foodPublic.address': 'Address',
  'foodPublic.station': 'Supervised by',
  'foodPublic.asOf': 'As of',
  'foodPublic.honourTitle': 'Food safety red/black list',
  'foodPublic.red': 'Red list',
  'foodPublic.black': 'Black list',
  'foodPublic.workshop': 'Small workshop',
  'foodPublic.emptyBoard': 'None this month',
  'foodPublic.noHonour': 'No list published yet',
};
