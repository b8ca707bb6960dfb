import type { TEntityCreate } from '../../../contracts/entities.ts';
import type { TEntityImportError } from '../../../contracts/entity-import.ts';
import type { Queryable } from '../../../db/client.ts';
import { copyText } from '../../../db/copy.ts';
import { entityRowColumns } from '../row.ts';
import { analyzeStage, discardStagedRows, type Stage, stagedDuplicates, stagedRegistered } from './staging-repo.ts';
import type { RowOutcome } from './validate-row.ts';

export interface CollectorDeps {
  /**
   * Receives each staged line (staging-repo.ts layout); a promise when the line has to wait (a full batch), which is
   * awaited, so a slow database slows the reading down.
   */
  stage(line: string): Promise<void> | undefined;
  toLine(entity: TEntityCreate, stationId: number): string;
  /** The USCC column as the file names it. */
  usccColumn: string;
  /**
   * Mode `all`: once a row is invalid nothing will be inserted, so later valid rows are staged by their code only
   * (for the duplicate and registered checks) and not rendered.
   */
  nothingIfInvalid: boolean;
}

/** The entity columns after the code, as COPY nulls: a row staged for its code alone. */
const NULL_COLUMNS = '\t\\N'.repeat(entityRowColumns.length - 1);

/**
 * Gathers validated rows: errors per row as they come, every row with a valid code into the staging table. Codes
 * repeated within the file (both rows reported) and codes already registered are found there at the end, set-based,
 * so memory holds the errors and nothing per valid row, whatever the file's size.
 */
export class ImportCollector {
  readonly errors: TEntityImportError[] = [];
  total = 0;
  private readonly invalidRows = new Set<number>();

  constructor(private readonly deps: CollectorDeps) {}

  get invalid(): number {
    return this.invalidRows.size;
  }

  /** A promise when the row's line has to wait to be staged (await it); undefined when it was taken at once. */
  add(row: number, outcome: RowOutcome): Promise<void> | undefined {
    this.total++;
    if (!outcome.ok) {
      this.fail(row, outcome.errors);
      return outcome.uscc ? this.deps.stage(`${row}\tf\t${copyText(outcome.uscc)}${NULL_COLUMNS}\n`) : undefined;
    }
    if (this.deps.nothingIfInvalid && this.invalidRows.size > 0) {
      return this.deps.stage(`${row}\tt\t${copyText(outcome.entity.uscc)}${NULL_COLUMNS}\n`);
    }
    return this.deps.stage(`${row}\tt\t${this.deps.toLine(outcome.entity, outcome.stationId)}`);
  }

  /**
   * After the last row is staged: codes already registered, then codes repeated in the file, reported as the
   * row-by-row checks did; those rows are marked so that the insert skips them.
   */
  async finish(db: Queryable, stage: Stage): Promise<void> {
    await analyzeStage(db, stage);
    const discarded: number[] = [];
    for (const { row, uscc } of await stagedRegistered(db, stage)) {
      this.fail(row, [this.usccError(row, uscc, '该统一社会信用代码已登记（系统中已有此市场主体）')]);
      discarded.push(row);
    }
    for (const { uscc, rows } of await stagedDuplicates(db, stage)) {
      const [first, second] = rows as [number, number];
      this.fail(first, [this.usccError(first, uscc, `与第 ${second} 行的统一社会信用代码重复`)]);
      for (const row of rows.slice(1))
        this.fail(row, [this.usccError(row, uscc, `与第 ${first} 行的统一社会信用代码重复`)]);
      discarded.push(...rows);
    }
    // Mode `all` inserts nothing once any row is bad: only `validOnly` needs them marked.
    if (!this.deps.nothingIfInvalid) await discardStagedRows(db, stage, discarded);
  }

  /** Errors in row order (checks at the end add to rows reported earlier). */
  sortedErrors(): TEntityImportError[] {
    return this.errors
      .map((e, i) => [e, i] as const)
      .sort(([a, i], [b, j]) => a.row - b.row || i - j)
      .map(([e]) => e);
  }

  private usccError(row: number, uscc: string, reason: string): TEntityImportError {
    return { row, column: this.deps.usccColumn, value: uscc, reason };
  }

  private fail(row: number, errors: TEntityImportError[]): void {
    this.invalidRows.add(row);
    this.errors.push(...errors);
  }
}
