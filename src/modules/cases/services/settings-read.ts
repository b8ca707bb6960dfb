import type { Queryable } from '../../../db/client.ts';
import type { CaseSettings } from '../../../domain/case-settings.ts';
import { loadCaseSettings } from '../repos/settings-row.ts';

/** The case settings (row merged over the defaults); H1's services/settings.ts getCaseSettings replaces it. */
export const caseSettingsOf = (q: Queryable): Promise<CaseSettings> => loadCaseSettings(q);
