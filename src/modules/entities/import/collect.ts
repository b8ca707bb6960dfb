import type { TEntityCreate } from '../../../contracts/entities.ts';
import type { TEntityImportError } from '../../../contracts/entity-import.ts';
import type { RowOutcome } from './validate-row.ts';

/** Rows checked against the database per query. */
export const LOOKUP_BATCH = 1000;

interface ValidRow {
  row: number;
  /** The row as a COPY text line, ready to load: much smaller than the parsed object. */
  line: string;
}

export interface CollectorDeps {
  /** Codes of these that are already registered. */
  existing(usccs: string[]): Promise<Set<string>>;
  toLine(entity: TEntityCreate, stationId: number): string;
  /** The USCC column as the file names it. */
  usccColumn: string;
}

/**
 * Gathers validated rows: errors per row, codes repeated within the file (both rows reported), and codes
 * already in the database (looked up a batch at a time). What is left in `valid` may be inserted.
 */
export class ImportCollector {
  readonly errors: TEntityImportError[] = [];
  readonly valid = new Map<string, ValidRow>();
  total = 0;
  private readonly invalidRows = new Set<number>();
  private readonly firstRow = new Map<string, number>();
  private readonly firstReported = new Set<number>();
  private pending = new Map<string, ValidRow>();

  constructor(private readonly deps: CollectorDeps) {}

  get invalid(): number {
    return this.invalidRows.size;
  }

  async add(row: number, outcome: RowOutcome): Promise<void> {
    this.total++;
    if (!outcome.ok) this.fail(row, outcome.errors);
    const uscc = outcome.ok ? outcome.entity.uscc : outcome.uscc;
    if (uscc) {
      const first = this.firstRow.get(uscc);
      if (first !== undefined) this.duplicate(uscc, first, row);
      else {
        this.firstRow.set(uscc, row);
        if (outcome.ok) this.pending.set(uscc, { row, line: this.deps.toLine(outcome.entity, outcome.stationId) });
      }
    }
    if (this.pending.size >= LOOKUP_BATCH) await this.flush();
  }

  /** Checks the pending rows against the database; call once more after the last row. */
  async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = new Map();
    const existing = await this.deps.existing([...batch.keys()]);
    for (const [uscc, item] of batch) {
      if (existing.has(uscc))
        this.fail(item.row, [this.usccError(item.row, uscc, '该统一社会信用代码已登记（系统中已有此市场主体）')]);
      else this.valid.set(uscc, item);
    }
  }

  /** Errors in row order (a first occurrence learns of its duplicate only later). */
  sortedErrors(): TEntityImportError[] {
    return this.errors
      .map((e, i) => [e, i] as const)
      .sort(([a, i], [b, j]) => a.row - b.row || i - j)
      .map(([e]) => e);
  }

  private duplicate(uscc: string, first: number, row: number): void {
    this.fail(row, [this.usccError(row, uscc, `与第 ${first} 行的统一社会信用代码重复`)]);
    if (this.firstReported.has(first)) return;
    this.firstReported.add(first);
    this.fail(first, [this.usccError(first, uscc, `与第 ${row} 行的统一社会信用代码重复`)]);
    this.pending.delete(uscc);
    this.valid.delete(uscc);
  }

  private usccError(row: number, uscc: string, reason: string): TEntityImportError {
    return { row, column: this.deps.usccColumn, value: uscc, reason };
  }

  private fail(row: number, errors: TEntityImportError[]): void {
    this.invalidRows.add(row);
    this.errors.push(...errors);
  }
}
