import { useMemo } from 'react';
import { type entityEventKinds, entityTypes, type TEntityType } from '../../../../src/contracts/entities.ts';
import { INDUSTRY_SECTIONS, industriesAtLevel, industryByCode } from '../../../../src/domain/industry-codes.ts';
import { orgApi } from '../../api/org.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import type { Lang, Translate } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/zh-cn.ts';
import { statusCodes, statusLabelKey } from '../../lib/status-tags.ts';
import { useAsync } from '../../lib/use-async.ts';

/** The contract's codes shown in the reader's language (the contract's own labels are Chinese). */
const typeKeys: Record<TEntityType, MessageKey> = {
  enterprise: 'entities.type.enterprise',
  individualBusiness: 'entities.type.individualBusiness',
  farmerCooperative: 'entities.type.farmerCooperative',
};
const eventKeys: Record<keyof typeof entityEventKinds, MessageKey> = {
  establish: 'entities.event.establish',
  change: 'entities.event.change',
  deregister: 'entities.event.deregister',
  moveIn: 'entities.event.moveIn',
  moveOut: 'entities.event.moveOut',
  suspend: 'entities.event.suspend',
  resume: 'entities.event.resume',
  revoke: 'entities.event.revoke',
};

export const entityTypeLabel = (t: Translate, type: TEntityType): string => t(typeKeys[type]);
export const entityStatusLabel = (t: Translate, status: string): string => {
  const key = statusLabelKey('entity', status);
  return key ? t(key) : status;
};
export const typeOptions = (t: Translate) =>
  (Object.keys(entityTypes) as TEntityType[]).map((value) => ({ value, label: t(typeKeys[value]) }));
export const statusOptions = (t: Translate) =>
  statusCodes('entity').map((value) => ({ value, label: entityStatusLabel(t, value) }));

export const eventKindLabel = (t: Translate, kind: string): string =>
  kind in eventKeys ? t(eventKeys[kind as keyof typeof eventKeys]) : kind;

/** Code and name of the GB/T 4754 entry (e.g. "F5191 ..."), or the bare code when the list does not know it. */
export function industryLabel(code: string | null): string {
  if (!code) return '—';
  const entry = industryByCode(code);
  return entry ? `${entry.section}${entry.level === 'section' ? '' : entry.code} ${entry.name}` : code;
}

/** Every class (the 4-digit level) as a searchable option (code and name); about 1,400 entries, fine for a virtual Select. */
export const industryClassOptions = industriesAtLevel('class').map((e) => ({
  value: e.code,
  label: `${e.section}${e.code} ${e.name}`,
}));

/** The list filters by code prefix; a section letter alone would match everything, so divisions grouped by section. */
export const industryPrefixOptions = INDUSTRY_SECTIONS.map(([section, name]) => ({
  label: `${section} ${name}`,
  options: industriesAtLevel('division')
    .filter((e) => e.section === section)
    .map((e) => ({ value: e.code, label: `${section}${e.code} ${e.name}` })),
}));

export const yuanFromFen = (t: Translate, lang: Lang, fen: number | null): string =>
  fen === null ? '—' : t('entities.yuan', { amount: (fen / 100).toLocaleString(lang, { maximumFractionDigits: 2 }) });

/**
 * Stations for the select. /org/units needs org:unit:read, which many entity users lack: then there are no
 * options and the forms leave the station to the server (it defaults to the user's own station).
 */
export function useStations() {
  const { can } = useAuth();
  const canUnits = can('org:unit:read');
  // Asking without the permission would only earn a 403 (and a console error) on every visit.
  const units = useAsync(
    async (signal) => (canUnits ? orgApi.listUnits({ signal }).catch(() => []) : []),
    queryKeys.org.units(canUnits),
  );
  return useMemo(
    () =>
      (units.data ?? []).filter((u) => u.kind === 'station' && u.active).map((u) => ({ value: u.id, label: u.name })),
    [units.data],
  );
}
