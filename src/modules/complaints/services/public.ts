import type { Db } from '../../../db/client.ts';
import { complaintStatusLabels, complaintTransitions } from '../../../domain/complaint-workflow.ts';
import { maskPersonalTextOrNull } from '../../../domain/personal-text.ts';
import { AppError } from '../../../platform/errors.ts';
import * as repo from '../repos/complaints.ts';
import { listCategories } from '../repos/reference.ts';
import { eventsOf } from '../repos/timeline.ts';
import { recordStep } from './record-step.ts';

/** What the person sees: progress and results, never staff names or other people's data. */
export function createPublicComplaints(db: Db) {
  async function owned(trackingCode: string, phoneLast4: string) {
    const row = await repo.findComplaintBy(db, 'tracking_code', trackingCode);
    // One answer for "no such code" and "wrong phone", so codes cannot be probed.
    if (!row?.personPhone.endsWith(phoneLast4)) throw new AppError('NOT_FOUND', '查询码或手机号后4位不正确');
    return row;
  }

  return {
    categories: () => listCategories(db),

    async track(trackingCode: string, phoneLast4: string) {
      const row = await owned(trackingCode, phoneLast4);
      const events = await eventsOf(db, row.id);
      const timeline = events
        .filter((e) => e.action === 'intake' || e.action in complaintTransitions)
        .map((e) => ({
          label:
            e.action === 'intake'
              ? '已登记'
              : complaintTransitions[e.action as keyof typeof complaintTransitions].label,
          at: e.at,
        }));
      return {
        trackingCode: row.trackingCode,
        kind: row.kind,
        status: row.status,
        statusLabel: complaintStatusLabels[row.status],
        receivedOn: row.receivedOn,
        stationName: row.stationName,
        nextDueOn: row.nextDueOn,
        // Staff-written text leaves masked: a result may quote a phone or an ID number.
        resultText: maskPersonalTextOrNull(row.status === 'closed' || row.kind === 'inquiry' ? row.resultText : null),
        feedbackText: maskPersonalTextOrNull(row.feedbackText),
        recoveredFen: row.recoveredFen,
        timeline,
      };
    },

    async rate(trackingCode: string, phoneLast4: string, satisfaction: number) {
      const row = await owned(trackingCode, phoneLast4);
      if (row.status !== 'closed') throw new AppError('INVALID_STATE', '事项办结后才能评价');
      const step = { complaintId: row.id, action: 'satisfaction', fromStatus: row.status, toStatus: row.status };
      await db.transaction((tx) =>
        recordStep(tx, null, { ...step, data: { satisfaction }, audit: { satisfaction } }, () =>
          repo.setSatisfaction(tx, row.id, satisfaction),
        ),
      );
    },
  };
}

export type PublicComplaints = ReturnType<typeof createPublicComplaints>;
