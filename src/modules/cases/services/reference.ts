import { type TCaseOfficer, type TViolationType, violationAreaLabels } from '../../../contracts/case-leads.ts';
import type { Db } from '../../../db/client.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import * as repo from '../repos/reference.ts';

/** The 违法行为 dictionary and the officer picker (users holding a valid 执法证). */
export function createCaseReferenceService(db: Db, deps: { now?: () => Date } = {}) {
  return {
    async violationTypes(f: { area?: string; q?: string }): Promise<TViolationType[]> {
      const rows = await repo.listViolationTypes(db, f);
      return rows.map((r) => ({
        ...r,
        area: r.area as TViolationType['area'],
        areaLabel: violationAreaLabels[r.area as keyof typeof violationAreaLabels] ?? r.area,
      }));
    },
    officers(f: { stationId?: number; q?: string }): Promise<TCaseOfficer[]> {
      return repo.listOfficers(db, { ...f, today: shanghaiToday(deps.now?.() ?? new Date()) });
    },
  };
}

export type CaseReferenceService = ReturnType<typeof createCaseReferenceService>;
