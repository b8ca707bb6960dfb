/** 红黑榜 and the portal's food page (web/src/pages/food/public). */
export const foodPublicZhCN = {
  'permission.food:approve': '审核发布食品红黑榜',
};
