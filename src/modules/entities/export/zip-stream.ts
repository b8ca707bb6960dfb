import { once } from 'node:events';
import type { PassThrough } from 'node:stream';
import { crc32, createDeflateRaw } from 'node:zlib';

/**
 * A minimal streaming ZIP writer (PKWARE APPNOTE: deflate, data descriptors, no ZIP64): enough for an XLSX
 * whose parts each stay under 4 GiB, which one sheet of at most a million rows does. Entries are compressed
 * as they are produced and written to `out` with backpressure, so nothing accumulates in memory.
 */

const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
// Bit 3: sizes and CRC follow the data (unknown when streaming); bit 11: the name is UTF-8.
const FLAGS = 0x0808;
const DEFLATE = 8;
const VERSION = 20;
const MAX_32 = 0xffffffff;

interface Entry {
  name: Buffer;
  offset: number;
  crc: number;
  size: number;
  compressed: number;
}

/** Resolves when `out` has room again, or when it was closed (a client that went away never drains). */
export async function drainOrClose(out: PassThrough): Promise<void> {
  if (out.destroyed) return;
  const ac = new AbortController();
  const signal = { signal: ac.signal };
  await Promise.race([once(out, 'drain', signal), once(out, 'close', signal)]).catch(() => {});
  ac.abort();
}

/** MS-DOS date and time, which ZIP headers use. */
function dosDateTime(d: Date): [number, number] {
  const time = (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1);
  const date = ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate();
  return [time, date];
}

export class ZipStream {
  private readonly entries: Entry[] = [];
  private offset = 0;
  private readonly stamp = dosDateTime(new Date());

  constructor(private readonly out: PassThrough) {}

  /** Whether the reader went away; producers should stop. */
  get closed(): boolean {
    return this.out.destroyed;
  }

  private async emit(chunk: Buffer): Promise<void> {
    this.offset += chunk.length;
    if (!this.out.write(chunk)) await drainOrClose(this.out);
  }

  /** Adds one file, compressing the text pieces as they arrive. */
  async add(name: string, pieces: AsyncIterable<string> | Iterable<string>): Promise<void> {
    const entry: Entry = { name: Buffer.from(name, 'utf8'), offset: this.offset, crc: 0, size: 0, compressed: 0 };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(this.stamp[0], 10);
    header.writeUInt16LE(this.stamp[1], 12);
    header.writeUInt16LE(entry.name.length, 26);
    await this.emit(Buffer.concat([header, entry.name]));
    const deflate = createDeflateRaw({ level: 1, chunkSize: 256 * 1024 }); // speed over the last 10 % of size
    const draining = (async () => {
      for await (const chunk of deflate as AsyncIterable<Buffer>) {
        entry.compressed += chunk.length;
        await this.emit(chunk);
      }
    })();
    for await (const piece of pieces) {
      if (this.closed) break;
      const bytes = Buffer.from(piece, 'utf8');
      entry.crc = crc32(bytes, entry.crc);
      entry.size += bytes.length;
      if (!deflate.write(bytes)) await once(deflate, 'drain');
    }
    deflate.end();
    await draining;
    if (entry.size > MAX_32 || this.offset > MAX_32) throw new RangeError('ZIP 条目超过 4 GiB（未实现 ZIP64）');
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(DATA_DESCRIPTOR, 0);
    descriptor.writeUInt32LE(entry.crc, 4);
    descriptor.writeUInt32LE(entry.compressed, 8);
    descriptor.writeUInt32LE(entry.size, 12);
    await this.emit(descriptor);
    this.entries.push(entry);
  }

  /** Writes the central directory and ends `out`. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(CENTRAL_HEADER, 0);
      h.writeUInt16LE(VERSION, 4);
      h.writeUInt16LE(VERSION, 6);
      h.writeUInt16LE(FLAGS, 8);
      h.writeUInt16LE(DEFLATE, 10);
      h.writeUInt16LE(this.stamp[0], 12);
      h.writeUInt16LE(this.stamp[1], 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      await this.emit(Buffer.concat([h, e.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.emit(end);
    this.out.end();
  }
}
