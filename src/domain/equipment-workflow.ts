import type { Transition } from './transition.ts';

/**
 * 特种设备 status changes (issue 14), on the shared Transition type. Every change — by hand, by a periodic inspection
 * result, or by another module (指令书 through equipment/published.ts) — is looked up here and written with its
 * event row and audit row in one transaction. No status is set by a bare UPDATE elsewhere.
 */
export const equipmentStatuses = [
  'inUse',
  'stopped',
  'scrapped',
  'unregistered',
  'dismantled',
  'cancelled',
  'relocated',
] as const;
export type EquipmentStatus = (typeof equipmentStatuses)[number];

export const equipmentStatusLabels: Record<EquipmentStatus, string> = {
  inUse: '在用',
  stopped: '停用',
  scrapped: '报废',
  unregistered: '未登记',
  dismantled: '拆除',
  cancelled: '注销',
  relocated: '移装',
};

export const equipmentActions = [
  'register',
  'stop',
  'resume',
  'scrap',
  'dismantle',
  'cancel',
  'relocate',
  'inspectionFailed',
  'inspectionPassed',
] as const;
export type EquipmentAction = (typeof equipmentActions)[number];

export const equipmentTransitions: Readonly<Record<EquipmentAction, Transition<EquipmentStatus, 'registrationNo'>>> = {
  // 使用登记: before first use or within 30 days of it (TSG 08).
  register: { label: '办理使用登记', from: ['unregistered'], to: 'inUse', requires: ['registrationNo'] },
  stop: { label: '停用', from: ['inUse'], to: 'stopped', requires: [] },
  resume: { label: '重新启用', from: ['stopped'], to: 'inUse', requires: [] },
  scrap: { label: '报废', from: ['inUse', 'stopped', 'unregistered'], to: 'scrapped', requires: [] },
  dismantle: { label: '拆除', from: ['inUse', 'stopped'], to: 'dismantled', requires: [] },
  cancel: { label: '注销', from: ['stopped', 'scrapped', 'dismantled'], to: 'cancelled', requires: [] },
  relocate: { label: '移装', from: ['inUse', 'stopped'], to: 'relocated', requires: [] },
  // A failed periodic inspection stops the equipment until a passing re-inspection (inspectionPassed).
  inspectionFailed: { label: '定期检验不合格停用', from: ['inUse', 'stopped'], to: 'stopped', requires: [] },
  inspectionPassed: { label: '复检合格恢复使用', from: ['stopped'], to: 'inUse', requires: [] },
};

export const equipmentActionLabels = Object.fromEntries(
  equipmentActions.map((a) => [a, equipmentTransitions[a].label]),
) as Record<EquipmentAction, string>;

/** Statuses whose equipment keeps a periodic-inspection clock (the sweep and the due lists look at these only). */
export const inspectedStatuses: readonly EquipmentStatus[] = ['inUse', 'stopped'];

/** Inspection states the nightly sweep derives from next_inspection_due. */
export const inspectionStates = ['normal', 'due', 'overdue'] as const;
export type InspectionState = (typeof inspectionStates)[number];
export const inspectionStateLabels: Record<InspectionState, string> = {
  normal: '正常',
  due: '应报检',
  overdue: '超期未检',
};
