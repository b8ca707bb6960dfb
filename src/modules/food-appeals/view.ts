import type { TAppeal, TReply, TRevisit } from '../../contracts/food-appeals.ts';
import { appealDeadline } from '../../domain/food-appeal-deadline.ts';
import type { WorkingDayCalendar } from '../../domain/working-days.ts';
import type { AppealRow } from './repos/appeals.ts';
import type { ReplyRow } from './repos/replies.ts';
import type { RevisitRow } from './repos/revisits.ts';

type Grade = TAppeal['grade'];
type GradeFields = Pick<AppealRow, 'gradeId' | 'gradeKind' | 'gradeValue' | 'gradedOn' | 'gradeStatus'>;

export const toGradeSummary = (
  g: { id: number; kind: Grade['kind']; grade: string; gradedOn: string; status: Grade['status'] },
  cal: WorkingDayCalendar,
  appealDays: number,
): Grade => ({
  id: g.id,
  kind: g.kind,
  grade: g.grade as Grade['grade'],
  gradedOn: g.gradedOn,
  status: g.status,
  appealUntil: appealDeadline(cal, g.gradedOn, appealDays),
});

const gradeOf = (r: GradeFields, cal: WorkingDayCalendar, days: number) =>
  toGradeSummary(
    { id: r.gradeId, kind: r.gradeKind, grade: r.gradeValue, gradedOn: r.gradedOn, status: r.gradeStatus },
    cal,
    days,
  );

export const toAppeal = (r: AppealRow, cal: WorkingDayCalendar, days: number): TAppeal => ({
  id: r.id,
  businessId: r.businessId,
  entityName: r.entityName,
  stationName: r.stationName,
  grade: gradeOf(r, cal, days),
  grounds: r.grounds,
  channel: r.channel,
  receivedOn: r.receivedOn,
  dueOn: r.dueOn,
  status: r.status,
  outcomeReason: r.outcomeReason,
  newGrade: r.newGrade as TAppeal['newGrade'],
  decidedAt: r.decidedAt,
  decidedByName: r.decidedByName,
  fileIds: r.fileIds,
  version: r.version,
});

export const toReply = (r: ReplyRow, cal: WorkingDayCalendar, days: number): TReply => ({
  id: r.id,
  businessId: r.businessId,
  entityName: r.entityName,
  stationName: r.stationName,
  grade: gradeOf(r, cal, days),
  body: r.body,
  channel: r.channel,
  status: r.status,
  reviewDueOn: r.reviewDueOn,
  rejectReason: r.rejectReason,
  publishedAt: r.publishedAt,
  createdAt: r.createdAt,
  version: r.version,
});

export const toRevisit = (r: RevisitRow): TRevisit => ({
  id: r.id,
  businessId: r.businessId,
  entityName: r.entityName,
  stationName: r.stationName,
  reason: r.reason,
  channel: r.channel,
  requestedOn: r.requestedOn,
  dueOn: r.dueOn,
  status: r.status,
  rejectReason: r.rejectReason,
  inspectionId: r.inspectionId,
  plannedOn: r.plannedOn,
  version: r.version,
});
