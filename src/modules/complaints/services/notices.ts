import type { Db } from '../../../db/client.ts';
import {
  type ComplaintNoticeKind,
  complaintNoticeSteps,
  complaintNoticeTitles,
} from '../../../domain/complaint-notices.ts';
import { complaintStatusLabels, complaintTransitions } from '../../../domain/complaint-workflow.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { renderLayoutPdf } from '../../../platform/doc-pdf.ts';
import { AppError } from '../../../platform/errors.ts';
import type { CjkFont } from '../../../platform/pdf.ts';
import { bureauNameOf } from '../repos/reference.ts';
import { eventsOf } from '../repos/timeline.ts';
import type { NoticeData } from '../templates/data.ts';
import { noticeTemplates } from '../templates/index.ts';
import { ruleSetByCode, toSummary } from '../view.ts';
import type { ComplaintService } from './complaints.ts';
import { canRevealIdentity } from './identity.ts';

export interface RenderedNotice {
  body: Buffer;
  filename: string;
  ascii: string;
}

/**
 * 受理 / 不予受理 / 终止调解告知书, printed from the item as recorded: exactly as readable as the item, and only
 * once its step is on the timeline (409 before). The complainant's name is printed in full only for a caller who
 * may reveal the identity; every print is audited, since the paper carries it out of the system.
 */
export function createComplaintNotices(
  db: Db,
  deps: { complaints: Pick<ComplaintService, 'readable'>; font: () => CjkFont | undefined },
) {
  return {
    async render(actor: Actor, id: number, kind: ComplaintNoticeKind): Promise<RenderedNotice> {
      const row = await deps.complaints.readable(actor, id);
      const action = complaintNoticeSteps[kind];
      const title = complaintNoticeTitles[kind];
      const step = (await eventsOf(db, id)).findLast((e) => e.action === action);
      if (!step) {
        throw new AppError(
          'INVALID_STATE',
          `该事项尚未“${complaintTransitions[action].label}”（当前状态：${complaintStatusLabels[row.status]}），不能打印${title}`,
        );
      }
      const set = ruleSetByCode(row.ruleSetCode);
      const full = canRevealIdentity(actor, row);
      const groundCode = (step.data as { ground?: string } | null)?.ground ?? null;
      const grounds = kind === 'rejection' ? set.notAcceptedGrounds : set.terminationGrounds;
      const period = set.clocks.mediation;
      const data: NoticeData = {
        authority: (await bureauNameOf(db, row.stationId)) ?? row.stationName,
        stationName: row.stationName,
        trackingCode: row.trackingCode,
        personName: full ? row.personName : toSummary(row, '').personName,
        businessName: row.businessName,
        businessAddress: row.businessAddress,
        receivedOn: row.receivedOn,
        decidedOn: shanghaiToday(new Date(step.at)),
        citation: set.citation,
        ruleSetName: set.name,
        groundLabel: grounds.find((g) => g.code === groundCode)?.label ?? null,
        note: kind === 'acceptance' ? step.note : (step.note ?? row.resultText),
        mediationPeriod: `${period.days}${period.unit === 'workingDays' ? '个工作日' : '日'}`,
      };
      const body = await renderLayoutPdf(deps.font(), {
        authority: data.authority,
        title,
        docNo: row.trackingCode,
        blocks: noticeTemplates[kind](data),
      });
      await appendAudit(db, actor, {
        action: 'complaint.notice.print',
        targetType: 'complaint',
        targetId: id,
        detail: { kind, fullName: full },
      });
      return { body, filename: `${title}（${row.trackingCode}）.pdf`, ascii: `complaint-${kind}-notice-${id}.pdf` };
    },
  };
}

export type ComplaintNotices = ReturnType<typeof createComplaintNotices>;
