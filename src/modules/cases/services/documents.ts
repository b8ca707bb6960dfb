import type { TCaseDocument } from '../../../contracts/case-documents.ts';
import type { Db, Queryable } from '../../../db/client.ts';
import {
  authorityAbbreviation,
  counterKind,
  disclosureUrl,
  documentFileName,
  documentNumber,
  documentsWithQr,
  documentTitles,
  parseDocumentNumber,
} from '../../../domain/case-documents.ts';
import type { CaseDocumentKind } from '../../../domain/case-workflow.ts';
import { assertReadable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { renderLayoutPdf } from '../../../platform/doc-pdf.ts';
import { notFound, validation } from '../../../platform/errors.ts';
import type { CjkFont } from '../../../platform/pdf.ts';
import { caseKind, caseReach, leadKind, leadReach } from '../access.ts';
import { caseDocumentSnapshot, leadDocumentSnapshot } from '../repos/document-data.ts';
import {
  caseReachRow,
  type DocumentRow,
  documentById,
  documentsOfCase,
  documentsOfLead,
  insertDocument,
  issuingBureau,
  leadReachRow,
  takeSequence,
} from '../repos/documents.ts';
import type { DocumentData } from '../templates/data.ts';
import { templates } from '../templates/index.ts';
import { qrPng } from '../templates/qr.ts';
import { renderLayoutDocx } from '../templates/render-docx.ts';
import { getCaseSettings } from './settings.ts';

async function numberingOf(tx: Queryable, unitId: number) {
  const bureau = await issuingBureau(tx, unitId);
  if (!bureau) throw validation('unitId', '出具文书的单位不存在');
  const settings = await getCaseSettings(tx);
  const abbr = settings.documentAuthorityAbbr?.[bureau.code] || authorityAbbreviation(bureau.name);
  return { bureau, abbr };
}

/**
 * The next 立案号 of the unit's bureau for the year (南海市监立〔2026〕12号), inside the caller's transaction. The
 * 立案审批表 shares this counter: pass the number as data.caseNo to issueDocument and the form bears it.
 */
export async function takeCaseNo(tx: Queryable, unitId: number, year: number): Promise<string> {
  const { bureau, abbr } = await numberingOf(tx, unitId);
  const seq = await takeSequence(tx, bureau.id, 'case', year);
  return documentNumber(abbr, 'case', year, seq);
}

export interface IssueDocumentInput {
  kind: CaseDocumentKind;
  caseId?: number;
  leadId?: number;
  /** The unit issuing it (the case's station); the number and seal are its bureau's. */
  unitId: number;
  issuedOn: string;
  /** What the template needs beyond the case row (templates/data.ts DocumentData): stored as given. */
  data: Record<string, unknown>;
  createdBy: number | null;
}

/**
 * Issues a numbered document inside the caller's transaction: the number is taken from the bureau's counter
 * for (kind, year), so numbers have no gaps and no duplicates however many callers issue at once, and a
 * transaction that rolls back gives its number back. The document stores what it was filled with (the case as it
 * is now, under the caller's data), so it renders the same on every download.
 */
export async function issueDocument(tx: Queryable, input: IssueDocumentInput): Promise<{ id: number; docNo: string }> {
  const { bureau, abbr } = await numberingOf(tx, input.unitId);
  const given = input.kind === 'filingApproval' ? input.data.caseNo : undefined;
  const parsed = typeof given === 'string' ? parseDocumentNumber(given) : undefined;
  const year = parsed?.year ?? Number(input.issuedOn.slice(0, 4));
  const seq = parsed?.seq ?? (await takeSequence(tx, bureau.id, counterKind(input.kind), year));
  const docNo = typeof given === 'string' && parsed ? given : documentNumber(abbr, input.kind, year, seq);
  const snapshot = input.caseId
    ? await caseDocumentSnapshot(tx, input.caseId)
    : input.leadId
      ? await leadDocumentSnapshot(tx, input.leadId)
      : undefined;
  const own: Record<string, unknown> = {};
  if (input.kind === 'filingApproval') own.caseNo = docNo;
  if (input.kind === 'penaltyDecision' || input.kind === 'summaryDecision') own.decisionNo = docNo;
  const data = { ...snapshot, ...own, ...input.data, authority: bureau.name, issuedOn: input.issuedOn };
  const id = await insertDocument(tx, {
    caseId: input.caseId ?? null,
    leadId: input.leadId ?? null,
    kind: input.kind,
    unitId: bureau.id,
    year,
    seq,
    docNo,
    data,
    createdBy: input.createdBy,
  });
  return { id, docNo };
}

export const documentUrls = (id: number) => ({
  pdfUrl: `/api/v1/case-documents/${id}/pdf`,
  docxUrl: `/api/v1/case-documents/${id}/docx`,
});

function toView(d: DocumentRow): TCaseDocument {
  const kind = d.kind as CaseDocumentKind;
  return {
    id: d.id,
    caseId: d.caseId,
    leadId: d.leadId,
    kind,
    title: documentTitles[kind] ?? d.kind,
    docNo: d.docNo,
    issuedOn: String(d.data.issuedOn ?? d.createdAt.slice(0, 10)),
    createdByName: d.createdByName,
    createdAt: d.createdAt,
    ...documentUrls(d.id),
  };
}

export interface RenderedDocument {
  body: Buffer;
  type: string;
  filename: string;
  ascii: string;
}

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Listing and downloading case documents: exactly as readable as their case, or their lead. */
export function createCaseDocumentService(db: Db, deps: { font: () => CjkFont | undefined }) {
  async function assertCaseReadable(actor: Actor, caseId: number) {
    const row = await caseReachRow(db, caseId, actor.userId);
    assertReadable(actor, caseKind, row, caseReach);
  }

  async function readableDocument(actor: Actor, id: number): Promise<DocumentRow> {
    const doc = await documentById(db, id);
    if (doc?.caseId) await assertCaseReadable(actor, doc.caseId);
    else if (doc?.leadId) assertReadable(actor, leadKind, await leadReachRow(db, doc.leadId), leadReach);
    else throw notFound('执法文书');
    return doc;
  }

  return {
    async listOfCase(actor: Actor, caseId: number): Promise<{ items: TCaseDocument[] }> {
      await assertCaseReadable(actor, caseId);
      return { items: (await documentsOfCase(db, caseId)).map(toView) };
    },

    async listOfLead(actor: Actor, leadId: number): Promise<{ items: TCaseDocument[] }> {
      assertReadable(actor, leadKind, await leadReachRow(db, leadId), leadReach);
      return { items: (await documentsOfLead(db, leadId)).map(toView) };
    },

    /** Renders the stored document; `origin` is where the QR code of a decision points (the portal's base). */
    async render(actor: Actor, id: number, format: 'pdf' | 'docx', origin: string): Promise<RenderedDocument> {
      const doc = await readableDocument(actor, id);
      const kind = doc.kind as CaseDocumentKind;
      const data = doc.data as DocumentData;
      const layout = {
        authority: data.authority ?? '',
        title: documentTitles[kind],
        docNo: doc.docNo,
        blocks: templates[kind](data),
        qrUrl: documentsWithQr.includes(kind) ? disclosureUrl(origin, doc.docNo) : undefined,
      };
      const qr = layout.qrUrl ? await qrPng(layout.qrUrl) : undefined;
      const body =
        format === 'pdf' ? await renderLayoutPdf(deps.font(), layout, qr) : await renderLayoutDocx(layout, qr);
      return {
        body,
        type: format === 'pdf' ? 'application/pdf' : DOCX_TYPE,
        filename: documentFileName(kind, doc.docNo, format),
        ascii: `case-document-${doc.id}.${format}`,
      };
    },
  };
}

export type CaseDocumentService = ReturnType<typeof createCaseDocumentService>;
