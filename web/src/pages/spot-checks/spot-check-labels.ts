import type { ResultCategory, TaskStatus, VisitStatus } from '../../../../src/domain/spot-check-workflow.ts';
import type { Translate } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/zh-cn.ts';

/**
 * The web shows the workflow codes in the reader's language: the API's `statusLabel` is the Chinese label of
 * src/domain, so the pages map the code to a message key and fall back to the API label for an unknown code.
 */
const taskStatusKeys: Record<TaskStatus, MessageKey> = {
  draft: 'spot.taskStatus.draft',
  frozen: 'spot.taskStatus.frozen',
  drawn: 'spot.taskStatus.drawn',
  closed: 'spot.taskStatus.closed',
  cancelled: 'spot.taskStatus.cancelled',
};
const visitStatusKeys: Record<VisitStatus, MessageKey> = {
  assigned: 'spot.visitStatus.assigned',
  inspected: 'spot.visitStatus.inspected',
  published: 'spot.visitStatus.published',
};
const resultKeys: Record<ResultCategory, MessageKey> = {
  noProblem: 'spot.result.noProblem',
  correctedOnOrder: 'spot.result.correctedOnOrder',
  pendingFollowUp: 'spot.result.pendingFollowUp',
  notPublished: 'spot.result.notPublished',
  falseInformation: 'spot.result.falseInformation',
  unreachable: 'spot.result.unreachable',
  refusedInspection: 'spot.result.refusedInspection',
  noRelevantActivity: 'spot.result.noRelevantActivity',
  closedOrLiquidating: 'spot.result.closedOrLiquidating',
  deregistered: 'spot.result.deregistered',
  revoked: 'spot.result.revoked',
  cancelled: 'spot.result.cancelled',
  movedOut: 'spot.result.movedOut',
};

const lookup =
  <K extends string>(keys: Record<K, MessageKey>) =>
  (t: Translate, code: string, fallback?: string): string => {
    const key = (keys as Record<string, MessageKey | undefined>)[code];
    return key ? t(key) : (fallback ?? code);
  };

export const taskStatusLabel = lookup(taskStatusKeys);
export const visitStatusLabel = lookup(visitStatusKeys);
export const resultLabel = lookup(resultKeys);

export const visitStatusCodes = Object.keys(visitStatusKeys) as VisitStatus[];
