import type { ComplaintNoticeKind } from '../../../domain/complaint-notices.ts';
import type { Block } from '../../../platform/doc-layout.ts';
import { acceptanceNotice } from './acceptance-notice.ts';
import type { NoticeData } from './data.ts';
import { rejectionNotice } from './rejection-notice.ts';
import { terminationNotice } from './termination-notice.ts';

/**
 * One template per 12315 notice. They are drawn through the case module's document layout and PDF renderer
 * (src/platform/doc-layout.ts, doc-pdf.ts), so every notice the bureau prints looks the same.
 */
export const noticeTemplates: Record<ComplaintNoticeKind, (d: NoticeData) => Block[]> = {
  acceptance: acceptanceNotice,
  rejection: rejectionNotice,
  termination: terminationNotice,
};
