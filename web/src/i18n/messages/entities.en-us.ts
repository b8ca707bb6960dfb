import type { entitiesZhCN } from './entities.zh-cn.ts';

export const entitiesEnUS: Record<keyof typeof entitiesZhCN, string> = {
  'entities.type.enterprise': 'Enterprise',
  'entities.type.individualBusiness': 'Individual business',
  'entities.type.farmerCooperative': 'Farmers’ cooperative',
  'entities.event.establish': 'Established',
  'entities.event.change': 'Changed',
  'entities.event.deregister': 'Deregistered',
  'entities.event.moveIn': 'Moved in',
  'entities.event.moveOut': 'Moved out',
  'entities.event.suspend': 'Suspended',
  'entities.event.resume': 'Resumed business',
  'entities.event.revoke': 'Licence revoked',
  'entities.credit': 'Credit',
  'entities.phoneInvalid': 'Not a valid phone number (mobile, or landline with area code)',
  'entities.industrySearch': 'Type a code or name, e.g. 5191',
  'entities.yuan': 'CNY {amount}',
  'entities.labelSep': ': ',
  'entities.nameSep': ', ',
};
