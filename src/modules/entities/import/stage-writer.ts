import type { Copyable, DbKind } from '../../../db/client.ts';

/** Rows per COPY into the staging table on PostgreSQL: ≈ 2 MB of text, a few tens of ms in the server. */
export const STAGE_BATCH = 5000;
/**
 * On PGlite a COPY runs on this thread and holds the one connection: 5000 rows took ≈ 65 ms (load 5), a stall of every
 * request; 1000 rows ≈ 6–30 ms.
 */
export const STAGE_BATCH_PGLITE = 1000;

export const stageBatchFor = (kind: DbKind) => (kind === 'pglite' ? STAGE_BATCH_PGLITE : STAGE_BATCH);

/**
 * Streams lines into the staging table while validation goes on: a batch is sent with COPY while the next one
 * fills, and a full batch waits for the one before it (backpressure up to the parse worker), so at most two
 * batches are held whatever the file's size. On PostgreSQL the COPY runs in the server, beside the two threads of
 * the import.
 */
export class StageWriter {
  private batch: string[] = [];
  private inFlight: Promise<number> | undefined;
  private copied = 0;

  constructor(
    private readonly db: Copyable,
    private readonly copySql: string,
    private readonly batchSize = STAGE_BATCH,
  ) {}

  /** A promise only when the batch is full and has to wait for the COPY before it (no promise per row). */
  add(line: string): Promise<void> | undefined {
    this.batch.push(line);
    return this.batch.length >= this.batchSize ? this.send() : undefined;
  }

  /** Sends what is left and waits for every COPY; resolves to the rows staged. */
  async finish(): Promise<number> {
    await this.send();
    await this.settle();
    return this.copied;
  }

  /** Waits for the COPY in flight without sending more (call on failure before dropping the table). */
  async abandon(): Promise<void> {
    this.batch = [];
    await this.inFlight?.catch(() => undefined);
    this.inFlight = undefined;
  }

  private async send(): Promise<void> {
    await this.settle();
    if (!this.batch.length) return;
    const lines = this.batch;
    this.batch = [];
    const copying = this.db.copyFrom(this.copySql, lines);
    // A failure is raised at the next send or at finish; until then it must not count as unhandled.
    copying.catch(() => undefined);
    this.inFlight = copying;
  }

  private async settle(): Promise<void> {
    const copying = this.inFlight;
    if (!copying) return;
    this.inFlight = undefined;
    this.copied += await copying;
  }
}
