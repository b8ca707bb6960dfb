import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TFoodImportResult } from '../../contracts/food.ts';
import { attachment, download, XLSX_TYPE } from '../download.ts';
import { receiveUpload } from '../uploads.ts';

/** The HTTP ends both sampling modules share: the printed notice shown inline, and the lab result upload. */

/** A PDF the browser shows in a tab (never cached): the printed notice. */
export const sendInlinePdf = (reply: FastifyReply, doc: { body: Buffer; filename: string; ascii: string }) =>
  reply
    .type('application/pdf')
    .header('content-disposition', attachment(doc.filename, doc.ascii).replace(/^attachment/, 'inline'))
    .header('cache-control', 'no-store')
    .send(doc.body);

/**
 * The uploaded result file run through the module's import; with `?report=xlsx` and row errors, the answer is the
 * error report (XLSX) instead of the JSON result.
 */
export async function receiveResultImport(
  req: FastifyRequest & { query: { report?: 'json' | 'xlsx' } },
  reply: FastifyReply,
  p: {
    maxBytes: number;
    run: (bytes: Uint8Array, filename: string) => Promise<TFoodImportResult>;
    errorReport: (errors: TFoodImportResult['errors']) => unknown;
    reportAscii: string;
  },
) {
  const { file } = await receiveUpload(req, p.maxBytes);
  const bytes = file.pieces.length === 1 ? file.pieces[0]! : Buffer.concat(file.pieces);
  const result = await p.run(bytes, file.filename);
  if (req.query.report === 'xlsx' && result.errors.length)
    return download(reply, XLSX_TYPE, '检验结果导入错误报告.xlsx', p.reportAscii).send(p.errorReport(result.errors));
  return result;
}
