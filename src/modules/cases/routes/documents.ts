import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZCaseDocumentList, ZSummaryBody, ZSummaryResult } from '../../../contracts/case-documents.ts';
import { ZIdParams } from '../../../contracts/common.ts';
import { attachment } from '../../../platform/download.ts';
import { actorOf } from '../../../platform/http.ts';
import type { CaseDocumentService } from '../services/documents.ts';
import type { SummaryService } from '../services/summary.ts';

/** 执法文书 (list, PDF and DOCX download) and 简易程序 (当场处罚). */
export const caseDocumentRoutes: FastifyPluginAsyncZod<{
  documents: CaseDocumentService;
  summary: SummaryService;
}> = async (app, { documents, summary }) => {
  const tags = ['cases'];
  const read = { permission: 'case:read' as const };

  app.post(
    '/cases/summary',
    {
      config: { permission: 'case:write' },
      schema: {
        tags,
        summary: '简易程序：当场作出行政处罚决定（警告或限额内罚款），返回决定书',
        body: ZSummaryBody,
        response: { 201: ZSummaryResult },
      },
    },
    async (req, reply) => reply.status(201).send(await summary.decide(actorOf(req), req.body)),
  );

  app.get(
    '/cases/:id/documents',
    {
      config: read,
      schema: { tags, summary: '案件的执法文书', params: ZIdParams, response: { 200: ZCaseDocumentList } },
    },
    async (req) => documents.listOfCase(actorOf(req), req.params.id),
  );

  app.get(
    '/case-leads/:id/documents',
    {
      config: read,
      schema: {
        tags,
        summary: '线索的执法文书（不予立案审批表）',
        params: ZIdParams,
        response: { 200: ZCaseDocumentList },
      },
    },
    async (req) => documents.listOfLead(actorOf(req), req.params.id),
  );

  for (const format of ['pdf', 'docx'] as const) {
    app.get(
      `/case-documents/:id/${format}`,
      {
        config: read,
        schema: {
          tags,
          summary: format === 'pdf' ? '下载执法文书（PDF，内嵌中文字体）' : '下载执法文书（Word）',
          params: ZIdParams,
        },
      },
      async (req, reply) => {
        // The decision's QR code opens the portal of the host the document was asked from.
        const origin = `${req.protocol}://${req.host}`;
        const doc = await documents.render(actorOf(req), req.params.id, format, origin);
        // A PDF opens in the browser (the phone page prints it on the spot); a DOCX is saved.
        const disposition = attachment(doc.filename, doc.ascii);
        return reply
          .type(doc.type)
          .header('content-disposition', format === 'pdf' ? disposition.replace(/^attachment/, 'inline') : disposition)
          .header('cache-control', 'no-store')
          .send(doc.body);
      },
    );
  }
};
