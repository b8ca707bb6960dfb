import type { Db } from '../../../db/client.ts';
import type { FoodAppealPolicy } from '../../../domain/food-appeals.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import type { WorkingDayCalendar } from '../../../domain/working-days.ts';
import type { AuditActor } from '../../../platform/audit.ts';
import type { FileService } from '../../files/service.ts';

export interface FoodAppealDeps {
  calendar: () => Promise<WorkingDayCalendar>;
  policy: FoodAppealPolicy;
  files: Pick<FileService, 'store' | 'maxBytes'>;
  now?: () => Date;
}

export interface Ctx extends FoodAppealDeps {
  db: Db;
  today: () => string;
}

export const makeCtx = (db: Db, deps: FoodAppealDeps): Ctx => ({
  ...deps,
  db,
  today: () => shanghaiToday(deps.now?.() ?? new Date()),
});

/** Who acted when the business itself did, on the portal with its access code (the audit row's actor). */
export const portalActor = (ip: string | null): AuditActor => ({
  userId: null,
  displayName: '经营者（访问码）',
  unitId: null,
  ip,
});

export type Channel =
  | { channel: 'portal'; audit: AuditActor; recordedBy: null }
  | { channel: 'paper'; audit: AuditActor; recordedBy: number };
