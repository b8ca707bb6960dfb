import type { TEntityStatus } from '../contracts/entities.ts';

export type LifecycleKind = 'deregister' | 'moveOut' | 'moveIn' | 'suspend' | 'resume' | 'revoke';

/** The one transition table for an entity's registration status: event → allowed from-states → to-state. */
export const entityLifecycle: Record<LifecycleKind, { from: readonly TEntityStatus[]; to: TEntityStatus }> = {
  suspend: { from: ['active'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'active' },
  revoke: { from: ['active', 'suspended'], to: 'revoked' },
  deregister: { from: ['active', 'suspended', 'revoked'], to: 'deregistered' },
  moveOut: { from: ['active', 'suspended'], to: 'movedOut' },
  moveIn: { from: ['movedOut'], to: 'active' },
};

export function nextEntityStatus(current: TEntityStatus, kind: LifecycleKind): TEntityStatus | null {
  const rule = entityLifecycle[kind];
  return rule.from.includes(current) ? rule.to : null;
}
