import type { Transition } from './transition.ts';

/**
 * A food licence's status changes, on the shared Transition type: every change (by hand or by recording its 延续)
 * is looked up here and written with its audit row in one transaction (platform/workflow.ts).
 */
export type FoodLicenceStatus = 'active' | 'renewed' | 'revoked' | 'cancelled';
export type FoodLicenceAction = 'revoke' | 'cancel' | 'restore' | 'renew';

export const foodLicenceStatusLabels: Record<FoodLicenceStatus, string> = {
  active: '有效',
  renewed: '已延续',
  revoked: '已撤销',
  cancelled: '已注销',
};

export const foodLicenceTransitions: Readonly<Record<FoodLicenceAction, Transition<FoodLicenceStatus>>> = {
  revoke: { label: '撤销', from: ['active'], to: 'revoked', requires: [] },
  cancel: { label: '注销', from: ['active'], to: 'cancelled', requires: [] },
  // Undoes a revocation or cancellation entered by mistake; a renewed licence stays renewed.
  restore: { label: '恢复有效', from: ['revoked', 'cancelled'], to: 'active', requires: [] },
  renew: { label: '延续', from: ['active'], to: 'renewed', requires: [] },
};

/** The action that moves a licence to the status a caller asks for. */
export const foodLicenceActionFor: Record<'active' | 'revoked' | 'cancelled', FoodLicenceAction> = {
  active: 'restore',
  revoked: 'revoke',
  cancelled: 'cancel',
};
