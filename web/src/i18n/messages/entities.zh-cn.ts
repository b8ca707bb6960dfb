/** Market-entity pages: the labels of the contract's codes (types, statuses, event kinds) and page text. */
export const entitiesZhCN = {
  'entities.type.enterprise': '企业',
  'entities.type.individualBusiness': '个体工商户',
  'entities.type.farmerCooperative': '农民专业合作社',
  'entities.event.establish': '设立',
  'entities.event.change': '变更',
  'entities.event.deregister': '注销',
  'entities.event.moveIn': '迁入',
  'entities.event.moveOut': '迁出',
  'entities.event.suspend': '停业',
  'entities.event.resume': '恢复营业',
  'entities.event.revoke': '吊销',
  'entities.credit': '信用信息',
  'entities.phoneInvalid': '电话格式不正确（手机号或带区号的固定电话）',
  'entities.industrySearch': '输入代码或名称搜索，如 5191 或 五金',
  'entities.yuan': '{amount} 元',
};
