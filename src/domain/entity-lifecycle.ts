import type { Transition } from './transition.ts';

/** An entity's registration status (the contracts' ZEntityStatus is built from this list). */
export const entityStatusValues = ['active', 'suspended', 'revoked', 'deregistered', 'movedOut'] as const;
export type EntityStatus = (typeof entityStatusValues)[number];

export const entityStatusLabels = {
  active: '存续（在业）',
  suspended: '停业',
  revoked: '吊销',
  deregistered: '注销',
  movedOut: '迁出',
} as const satisfies Record<EntityStatus, string>;

export type LifecycleKind = 'deregister' | 'moveOut' | 'moveIn' | 'suspend' | 'resume' | 'revoke';

/** The one transition table for an entity's registration status; each action needs its date (occurredOn). */
export const entityLifecycle: Readonly<Record<LifecycleKind, Transition<EntityStatus, 'occurredOn'>>> = {
  suspend: { label: '停业', from: ['active'], to: 'suspended', requires: ['occurredOn'] },
  resume: { label: '恢复营业', from: ['suspended'], to: 'active', requires: ['occurredOn'] },
  revoke: { label: '吊销', from: ['active', 'suspended'], to: 'revoked', requires: ['occurredOn'] },
  deregister: { label: '注销', from: ['active', 'suspended', 'revoked'], to: 'deregistered', requires: ['occurredOn'] },
  moveOut: { label: '迁出', from: ['active', 'suspended'], to: 'movedOut', requires: ['occurredOn'] },
  moveIn: { label: '迁入', from: ['movedOut'], to: 'active', requires: ['occurredOn'] },
};
