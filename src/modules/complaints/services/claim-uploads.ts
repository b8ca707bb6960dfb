import { createHash } from 'node:crypto';
import type { Queryable } from '../../../db/client.ts';
import { validation } from '../../../platform/errors.ts';
import { moveFiles } from '../../files/published.ts';
import * as links from '../repos/attachments.ts';

export const purpose = 'complaint-attachment' as const;
/** Upload tokens are kept as their SHA-256 only: a leaked table row claims nothing. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Inside the intake transaction: links the tokens' files to the new items, moved to their station. */
export async function claimUploads(
  tx: Queryable,
  tokens: readonly string[],
  itemIds: readonly number[],
  stationId: number,
  by: number | null,
): Promise<number> {
  if (tokens.length === 0) return 0;
  const unique = [...new Set(tokens)];
  const fileIds = await links.claimPendingUploads(tx, unique.map(tokenHash));
  if (fileIds.length !== unique.length) throw validation('attachments', '附件已过期或已提交过，请重新上传');
  for (const id of itemIds) await links.linkAttachments(tx, id, fileIds, by);
  await moveFiles(tx, fileIds, stationId);
  return fileIds.length;
}
