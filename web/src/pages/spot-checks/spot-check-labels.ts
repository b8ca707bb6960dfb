import type { ResultCategory } from '../../../../src/domain/spot-check-workflow.ts';
import type { Translate } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/zh-cn.ts';

/**
 * Result categories in the reader's language: the reference data carries the Chinese label of src/domain, so the
 * page maps the code to a message key and falls back to that label for a code the web does not know yet.
 * (Task and visit statuses: <StatusTag workflow="spotCheckTask" | "spotCheckVisit">.)
 */
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

export function resultLabel(t: Translate, code: string, fallback?: string): string {
  const key = (resultKeys as Record<string, MessageKey | undefined>)[code];
  return key ? t(key) : (fallback ?? code);
}
