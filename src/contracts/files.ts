import type { Permission } from './permissions.ts';
import { z } from './zod.ts';

/** What a file is for decides who may open it (besides the owning unit's data scope). */
export const filePurposes = {
  'complaint-attachment': 'complaint:read',
  'inspection-evidence': 'spotcheck:read',
  'credit-document': 'credit:read',
  'case-evidence': 'case:read',
  'inspection-signature': 'spotcheck:read',
  'station-rating-evidence': 'rating:read',
  'kitchen-snapshot': 'food:read',
  'food-appeal-evidence': 'food:read',
  'product-recall-report': 'product:read',
  'equipment-rectification-evidence': 'equipment:read',
} as const satisfies Record<string, Permission>;
export type FilePurpose = keyof typeof filePurposes;
export const ZFilePurpose = z.enum(Object.keys(filePurposes) as [FilePurpose, ...FilePurpose[]]);

export const ZStoredFile = z.object({
  id: z.number().int(),
  filename: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  /** Hex SHA-256 of the content: the receipt a person or inspector can check the file against. */
  sha256: z.string(),
  purpose: ZFilePurpose,
  createdAt: z.string(),
});
export type TStoredFile = z.infer<typeof ZStoredFile>;
