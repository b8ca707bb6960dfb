import type { Queryable } from '../../../db/client.ts';
import { type CaseSettings, defaultCaseSettings } from '../../../domain/case-settings.ts';

/**
 * The case settings row merged over the defaults (one level deep, so a stored partial chain map keeps the
 * defaults of the steps it does not name). services/settings.ts getCaseSettings is the public entry point.
 */
export async function loadCaseSettings(q: Queryable): Promise<CaseSettings> {
  const [row] = await q.query<{ settings: Partial<CaseSettings> }>('SELECT settings FROM case_settings WHERE id = 1');
  const stored = row?.settings ?? {};
  const merged: Record<string, unknown> = { ...defaultCaseSettings };
  for (const [key, value] of Object.entries(stored)) {
    const base = (defaultCaseSettings as unknown as Record<string, unknown>)[key];
    merged[key] =
      base && typeof base === 'object' && !Array.isArray(base) && value && typeof value === 'object'
        ? { ...base, ...value }
        : value;
  }
  return merged as unknown as CaseSettings;
}
