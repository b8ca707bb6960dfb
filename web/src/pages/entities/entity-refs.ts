import { useMemo } from 'react';
import {
  entityEventKinds,
  entityStatuses,
  entityTypes,
  type TEntityStatus,
} from '../../../../src/contracts/entities.ts';
import { INDUSTRY_SECTIONS, industriesAtLevel, industryByCode } from '../../../../src/domain/industry-codes.ts';
import { orgApi } from '../../api/org.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { useAsync } from '../../lib/use-async.ts';

export const typeOptions = Object.entries(entityTypes).map(([value, label]) => ({ value, label }));
export const statusOptions = Object.entries(entityStatuses).map(([value, label]) => ({ value, label }));

export const statusColors: Record<TEntityStatus, string> = {
  active: 'green',
  suspended: 'orange',
  revoked: 'red',
  deregistered: 'default',
  movedOut: 'purple',
};

export const eventKindLabel = (kind: string): string => entityEventKinds[kind as keyof typeof entityEventKinds] ?? kind;

/** "5191 五金产品批发", or the bare code when the list does not know it. */
export function industryLabel(code: string | null): string {
  if (!code) return '—';
  const entry = industryByCode(code);
  return entry ? `${entry.section}${entry.level === 'section' ? '' : entry.code} ${entry.name}` : code;
}

/** Every 小类 as a searchable option (code and name); about 1,400 entries, fine for a virtual Select. */
export const industryClassOptions = industriesAtLevel('class').map((e) => ({
  value: e.code,
  label: `${e.section}${e.code} ${e.name}`,
}));

/** The list filters by code prefix; a 门类 letter alone would match everything, so 大类 grouped by 门类. */
export const industryPrefixOptions = INDUSTRY_SECTIONS.map(([section, name]) => ({
  label: `${section} ${name}`,
  options: industriesAtLevel('division')
    .filter((e) => e.section === section)
    .map((e) => ({ value: e.code, label: `${section}${e.code} ${e.name}` })),
}));

export const yuanFromFen = (fen: number | null): string =>
  fen === null ? '—' : `${(fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`;

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
