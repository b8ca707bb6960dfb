import type { CjkFont } from '../../../platform/pdf.ts';
import type { FileService } from '../../files/service.ts';

/** What the credit use cases need besides the database. */
export interface CreditDeps {
  today: () => string;
  files: Pick<FileService, 'store'>;
  font: () => CjkFont | undefined;
  /** Runs after a commit that queued entities, so the listed entity shows its new class at once. */
  afterQueue: () => Promise<unknown>;
}
