import type { RiskClass } from '../../../../src/domain/spot-check-draw.ts';

export { creditListLabels, listingGroundLabels, riskClassLabels } from '../../../../src/contracts/credit.ts';

export const riskClasses: RiskClass[] = ['A', 'B', 'C', 'D'];
export const riskColours: Record<RiskClass, string> = { A: '#52c41a', B: '#1677ff', C: '#faad14', D: '#f5222d' };
export const riskTagColours: Record<RiskClass, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };

export const statusLabels: Record<string, string> = {
  proposed: '拟列入',
  approved: '已决定列入',
  discarded: '不予列入',
  listed: '列入中',
  removed: '已移出',
  applied: '已申请',
  reviewed: '已审查',
  rejected: '不予修复',
};
export const repairStatusLabels: Record<string, string> = { ...statusLabels, approved: '准予修复' };

export const documentKindLabels: Record<string, string> = {
  abnormalListing: '列入经营异常名录决定书',
  seriousListing: '列入严重违法失信名单决定书',
  repairApproved: '准予信用修复决定书',
  repairRejected: '不予信用修复决定书',
};

export const fileUrl = (id: number) => `/api/v1/files/${id}`;

/** Stable key functions for useKeysetList (a new function each render would restart the list forever). */
export const listingKey = (l: { id: number }) => l.id;
export const batchKey = listingKey;
export const repairKey = listingKey;
