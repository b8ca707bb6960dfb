/**
 * A small XML tokenizer for worksheet parts, fed text chunks: the same open/text/close events as saxes (which
 * reads the other parts), from indexOf over the text instead of a per-character state machine, and attributes
 * parsed only when a handler asks for them (bench/xlsx-read-measure.ts measures it against saxes).
 *
 * Checked as saxes checks them: tags closed in order, known entities, complete markup at the end. Not checked:
 * the finer grammar (attribute syntax, names, text outside the root), which only a broken writer gets wrong.
 */

/** An element as the handlers see it; one object reused for every tag (handlers must not keep it). */
export interface ScanTag {
  name: string;
  /** The name without its namespace prefix. */
  local: string;
  readonly attributes: Record<string, string>;
}

export interface ScanHandlers {
  open: (tag: ScanTag) => void;
  text?: (text: string) => void;
  close?: (tag: ScanTag) => void;
}

/** Thrown for malformed XML; the caller turns it into its own file error. */
export class XmlSyntaxError extends Error {}

const fail = (what: string): never => {
  throw new XmlSyntaxError(what);
};

interface Name {
  name: string;
  local: string;
}

class Tag implements ScanTag {
  name = '';
  local = '';
  private source = '';
  private from = 0;
  private to = 0;
  private parsed: Record<string, string> | undefined;

  /** The attributes are `source[from, to)`, parsed only when asked for. */
  set(name: Name, source: string, from: number, to: number) {
    this.name = name.name;
    this.local = name.local;
    this.source = source;
    this.from = from;
    this.to = to;
    this.parsed = undefined;
  }

  get attributes(): Record<string, string> {
    this.parsed ??= parseAttributes(this.source, this.from, this.to);
    return this.parsed;
  }
}

/** Text or markup waiting for its end: text runs are capped before (XlsxParts.text), a tag is short. */
export const MAX_PENDING_CHARS = 4 * 1024 * 1024;

export class XmlScanner {
  private rest = '';
  private readonly open: Name[] = [];
  private sawRoot = false;
  private readonly tag = new Tag();
  /** Element names seen, by first character and length, so that a name is not sliced out at every tag. */
  private readonly names: (Name | undefined)[] = new Array(128 * 64).fill(undefined);

  constructor(private readonly handlers: ScanHandlers) {}

  write(chunk: string): void {
    const s = this.rest ? this.rest + chunk : chunk;
    let pos = 0;
    for (;;) {
      const lt = s.indexOf('<', pos);
      if (lt < 0) break; // text waits for its end: it may stop inside an entity or a \r\n
      if (lt > pos) this.text(s.slice(pos, lt));
      pos = lt;
      const end = this.markup(s, lt);
      if (end < 0) break;
      pos = end;
    }
    this.rest = s.slice(pos);
    // An unclosed comment, CDATA or quote would otherwise be buffered (and rescanned) to the part's end.
    if (this.rest.length > MAX_PENDING_CHARS) fail('markup longer than any sheet needs');
  }

  close(): void {
    if (this.rest.trim() !== '' || this.open.length > 0 || !this.sawRoot) fail('unclosed markup');
  }

  /** Handles the markup at `lt`; returns where it ends, or -1 when the chunk stops before it does. */
  private markup(s: string, lt: number): number {
    const next = s.charCodeAt(lt + 1);
    if (next === 47 /* / */) {
      const gt = s.indexOf('>', lt);
      if (gt < 0) return -1;
      const name = this.open.pop();
      const nameEnd = lt + 2 + (name?.name.length ?? 0);
      if (name === undefined || !startsWith(s, lt + 2, name.name) || (nameEnd < gt && !blank(s, nameEnd, gt))) {
        fail(`unexpected ${s.slice(lt, gt + 1)}`);
      }
      this.tag.set(name!, s, 0, 0);
      this.handlers.close?.(this.tag);
      return gt + 1;
    }
    if (next === 63 /* ? */) return after(s, '?>', lt + 2);
    if (next === 33 /* ! */) return this.declaration(s, lt);
    let nameEnd = lt + 1;
    while (nameEnd < s.length && !endsName(s.charCodeAt(nameEnd))) nameEnd++;
    if (nameEnd >= s.length) return -1;
    const gt = s.charCodeAt(nameEnd) === 62 ? nameEnd : tagEnd(s, nameEnd);
    if (gt < 0) return -1;
    const selfClosing = s.charCodeAt(gt - 1) === 47;
    const bodyEnd = selfClosing ? gt - 1 : gt;
    const name = this.name(s, lt + 1, Math.min(nameEnd, bodyEnd));
    this.sawRoot = true;
    this.tag.set(name, s, nameEnd, bodyEnd);
    this.handlers.open(this.tag);
    if (selfClosing) {
      this.tag.set(name, s, 0, 0);
      this.handlers.close?.(this.tag);
    } else this.open.push(name);
    return gt + 1;
  }

  private name(s: string, from: number, to: number): Name {
    if (to === from) fail('empty tag name');
    const key = (s.charCodeAt(from) & 127) * 64 + Math.min(to - from, 63);
    const known = this.names[key];
    if (known !== undefined && known.name.length === to - from && startsWith(s, from, known.name)) return known;
    const name = s.slice(from, to);
    const entry = { name, local: name.slice(name.indexOf(':') + 1) };
    this.names[key] = entry;
    return entry;
  }

  /** `<!--…-->`, `<![CDATA[…]]>` (its text as is), `<!DOCTYPE …>`. */
  private declaration(s: string, lt: number): number {
    if (s.startsWith('<!--', lt)) return after(s, '-->', lt + 4);
    if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt + 9);
      if (end < 0) return -1;
      if (end > lt + 9 && this.handlers.text) this.handlers.text(newlines(s.slice(lt + 9, end)));
      return end + 3;
    }
    if (s.startsWith('<!DOCTYPE', lt)) {
      const subset = s.indexOf('[', lt);
      const gt = s.indexOf('>', lt);
      if (gt < 0) return -1;
      return subset >= 0 && subset < gt ? after(s, ']>', subset) : gt + 1;
    }
    const head = s.slice(lt, lt + 9);
    if (head.length < 9 && DECLARATIONS.some((d) => d.startsWith(head))) return -1; // cut by the chunk's end
    return fail('unknown declaration');
  }

  private text(raw: string): void {
    if (this.handlers.text) this.handlers.text(decodeText(raw));
    else if (raw.includes('&')) decodeText(raw); // still checked
  }
}

/** `s.startsWith(name, at)` without the builtin's call cost, for the short names of elements. */
function startsWith(s: string, at: number, name: string): boolean {
  for (let i = 0; i < name.length; i++) if (s.charCodeAt(at + i) !== name.charCodeAt(i)) return false;
  return true;
}

const blank = (s: string, from: number, to: number) => {
  for (let i = from; i < to; i++) if (!isSpace(s.charCodeAt(i))) return false;
  return true;
};

const DECLARATIONS = ['<!--', '<![CDATA[', '<!DOCTYPE'];

const after = (s: string, token: string, from: number) => {
  const at = s.indexOf(token, from);
  return at < 0 ? -1 : at + token.length;
};

/** Whitespace, `/` or `>`: what ends a tag's name. */
const endsName = (c: number) => isSpace(c) || c === 47 || c === 62;

/** The `>` that ends the tag starting at `from`, skipping quoted attribute values (they may hold `>`). */
function tagEnd(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 62) return i;
    if (c === 34 || c === 39) {
      i = s.indexOf(c === 34 ? '"' : "'", i + 1);
      if (i < 0) return -1;
    }
  }
  return -1;
}

/** Where `nextAttribute` found the attribute: name `[nameStart, nameEnd)`, value `[valueStart, valueEnd)`. */
const found = { nameStart: 0, nameEnd: 0, valueStart: 0, valueEnd: 0, plain: true };

/** The attribute after `from` in `s[from, to)` into `found`; returns where it ends, or -1 when there is none. */
function nextAttribute(s: string, from: number, to: number): number {
  let i = skipSpace(s, from, to);
  if (i >= to) return -1;
  found.nameStart = i;
  while (i < to && s.charCodeAt(i) !== 61 /* = */ && !isSpace(s.charCodeAt(i))) i++;
  found.nameEnd = i;
  i = skipSpace(s, i, to);
  if (s.charCodeAt(i) !== 61 || found.nameEnd === found.nameStart) fail('bad attribute');
  i = skipSpace(s, i + 1, to);
  const quote = s.charCodeAt(i);
  if (quote !== 34 && quote !== 39) fail('unquoted attribute');
  found.valueStart = ++i;
  found.plain = true;
  for (let c = s.charCodeAt(i); c !== quote; c = s.charCodeAt(++i)) {
    if (i >= to) fail('unclosed attribute');
    if (c === 38 /* & */ || c === 9 || c === 10 || c === 13) found.plain = false;
  }
  found.valueEnd = i;
  return i + 1;
}

/** The found attribute's value, decoded and with whitespace normalized as XML does. */
function foundValue(s: string): string {
  const raw = s.slice(found.valueStart, found.valueEnd);
  return found.plain ? raw : decodeText(raw.replace(/\r\n|[\t\n\r]/g, ' '));
}

function parseAttributes(s: string, from: number, to: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = nextAttribute(s, from, to); i >= 0; i = nextAttribute(s, i, to)) {
    out[s.slice(found.nameStart, found.nameEnd)] = foundValue(s);
  }
  return out;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

function skipSpace(s: string, from: number, to: number): number {
  let i = from;
  while (i < to && isSpace(s.charCodeAt(i))) i++;
  return i;
}

const newlines = (s: string) => (s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s);

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text with its entity and character references resolved and line ends made \n, as XML prescribes. */
export function decodeText(raw: string): string {
  const s = newlines(raw);
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const semi = s.indexOf(';', amp);
    if (semi < 0) fail('unterminated entity');
    out += s.slice(from, amp) + entity(s.slice(amp + 1, semi));
    from = semi + 1;
    amp = s.indexOf('&', from);
  }
  return out + s.slice(from);
}

function entity(name: string): string {
  const named = NAMED[name];
  if (named !== undefined) return named;
  const code = /^#x[0-9a-fA-F]+$/.test(name)
    ? Number.parseInt(name.slice(2), 16)
    : /^#[0-9]+$/.test(name)
      ? Number(name.slice(1))
      : Number.NaN;
  if (!isXmlChar(code)) fail(`bad entity &${name};`);
  return String.fromCodePoint(code);
}

const isXmlChar = (c: number) =>
  c === 9 ||
  c === 10 ||
  c === 13 ||
  (c >= 0x20 && c <= 0xd7ff) ||
  (c >= 0xe000 && c <= 0xfffd) ||
  (c >= 0x10000 && c <= 0x10ffff);
