import type { Db } from '../../db/client.ts';
import type { Actor } from '../actor.ts';
import { appendAudit } from '../audit.ts';
import { form, heading, paragraph, signature } from '../doc-layout.ts';
import { renderLayoutPdf } from '../doc-pdf.ts';
import type { CjkFont } from '../pdf.ts';
import { bureauName } from './sample-repo.ts';

/**
 * The 不合格 notice both sampling modules print: addressed to the business, the sample's facts, the failed items,
 * what the business must do, how to object (复检) and by when, signed by the bureau on the day of service. Every
 * print is audited.
 */
export interface SamplingNotice {
  /** Audit subject: `foodSample` → `foodSample.notice.print`. */
  subject: string;
  id: number;
  title: string;
  docNo: string;
  addressee: string;
  intro: string;
  facts: readonly (readonly [string, string])[];
  failedItems: readonly string[];
  duties: string;
  objection: string;
  /** The day the notice was served; the station signs when no bureau is registered. */
  signedOn: string;
  stationName: string;
  filename: string;
  ascii: string;
}

export async function renderSamplingNotice(db: Db, actor: Actor, font: CjkFont | undefined, n: SamplingNotice) {
  const authority = (await bureauName(db)) ?? n.stationName;
  const body = await renderLayoutPdf(font, {
    authority,
    title: n.title,
    docNo: n.docNo,
    blocks: [
      paragraph(`${n.addressee}：`),
      paragraph(n.intro),
      form(n.facts),
      heading('不合格项目'),
      ...n.failedItems.map(paragraph),
      paragraph(n.duties),
      paragraph(n.objection),
      signature(authority, n.signedOn),
    ],
  });
  await appendAudit(db, actor, { action: `${n.subject}.notice.print`, targetType: n.subject, targetId: n.id });
  return { body, filename: n.filename, ascii: n.ascii };
}

/** The first-test items that failed, the ones a notice lists. */
export const failedFirstTest = <I extends { retest: boolean; conclusion: string }>(items: readonly I[]) =>
  items.filter((i) => !i.retest && i.conclusion === 'fail');
