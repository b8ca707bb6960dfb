import type { RiskClass } from '../../../../src/domain/spot-check-draw.ts';
import type { Translate } from '../../i18n/i18n-context.tsx';
import { codeLabel, knownKey } from '../../i18n/known-key.ts';

/**
 * Names by code from the messages (credit.*), never the Chinese labels of src/contracts, so en-US reads. Statuses
 * are shown with <StatusTag workflow="creditBatch" | "creditListing" | "creditRepair">.
 */
export const riskClasses: RiskClass[] = ['A', 'B', 'C', 'D'];
export const riskColours: Record<RiskClass, string> = { A: '#52c41a', B: '#1677ff', C: '#faad14', D: '#f5222d' };
export const riskTagColours: Record<RiskClass, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };

export const riskClassLabel = (t: Translate, riskClass: string): string => codeLabel(t, 'credit.risk', riskClass);
export const creditListLabel = (t: Translate, list: string): string => codeLabel(t, 'credit.list', list);
export const documentKindLabel = (t: Translate, kind: string): string => codeLabel(t, 'credit.document', kind);
/** A listing ground by its code; a ground the web does not know yet keeps the server's label. */
export const groundLabel = (t: Translate, item: { ground: string; groundLabel: string }): string => {
  const key = knownKey(`credit.ground.${item.ground}`);
  return key ? t(key) : item.groundLabel;
};

export const fileUrl = (id: number) => `/api/v1/files/${id}`;

/** Stable key functions for useKeysetList (a new function each render would restart the list forever). */
export const listingKey = (l: { id: number }) => l.id;
export const batchKey = listingKey;
export const repairKey = listingKey;
