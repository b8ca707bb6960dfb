import { once } from 'node:events';
import { type PassThrough, Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import yazl from 'yazl';

/**
 * Streaming ZIP for the XLSX writer, on yazl (data descriptors, ZIP64 where an entry or the archive passes
 * 4 GiB). Each entry is compressed as its pieces are produced; `add` resolves once the entry has been written,
 * and a reader going away stops the producer instead of filling memory.
 */
export class ZipStream {
  private readonly zip = new yazl.ZipFile();
  private readonly mtime = new Date();

  constructor(private readonly out: PassThrough) {
    this.zip.outputStream.pipe(out);
  }

  /** Whether the reader went away; producers should stop. */
  get closed(): boolean {
    return this.out.destroyed;
  }

  /** Adds one file; resolves when its last byte has been compressed (or the reader left). */
  async add(name: string, pieces: AsyncIterable<string> | Iterable<string>): Promise<void> {
    const source = Readable.from(utf8(pieces), { objectMode: false, highWaterMark: 256 * 1024 });
    // Level 1: speed over the last 10 % of size (XML compresses well either way).
    this.zip.addReadStream(source, name, { mtime: this.mtime, compressionLevel: 1 });
    const stop = () => source.destroy();
    this.out.once('close', stop);
    try {
      await finished(source).catch(() => undefined);
    } finally {
      this.out.off('close', stop);
    }
  }

  /** Writes the central directory and ends `out`. */
  async finish(): Promise<void> {
    if (this.closed) return;
    this.zip.end();
    await Promise.race([once(this.zip.outputStream, 'end'), once(this.out, 'close')]).catch(() => undefined);
  }
}

async function* utf8(pieces: AsyncIterable<string> | Iterable<string>): AsyncGenerator<Buffer> {
  for await (const piece of pieces) yield Buffer.from(piece, 'utf8');
}
