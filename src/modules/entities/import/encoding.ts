/**
 * Text encodings of uploaded CSV files. Excel on Chinese Windows saves "CSV (逗号分隔)" in GBK (the system
 * code page), "CSV UTF-8" with a BOM, and "Unicode 文本" as UTF-16LE; other tools write UTF-8 without a BOM.
 * GB18030 is a superset of GBK, so it decodes both. Node's TextDecoder (full ICU) does the decoding.
 */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'gb18030';

type Chunks = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

const startsWith = (head: Uint8Array, bytes: number[]) => bytes.every((b, i) => head[i] === b);

/** UTF-16 by its BOM; otherwise UTF-8 when every byte sequence is valid UTF-8, else GB18030. */
export async function detectEncoding(chunks: Chunks): Promise<TextEncoding> {
  const strict = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  try {
    for await (const chunk of chunks) {
      if (first && chunk.length > 0) {
        if (startsWith(chunk, [0xff, 0xfe])) return 'utf-16le';
        first = false;
      }
      strict.decode(chunk, { stream: true });
    }
    strict.decode();
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** Decodes chunk by chunk; multi-byte characters split across chunks are carried over. A BOM is dropped. */
export async function* decodeChunks(chunks: Chunks, encoding: TextEncoding): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}
