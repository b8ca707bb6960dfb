import { deflateSync } from 'node:zlib';
import type { ReportChart } from './charts.ts';
import { type Matrix, svgShapes } from './svg-shapes.ts';

/**
 * A PNG of a chart for Word processors that cannot show SVG (DOCX requires one beside the SVG): its straight-edged
 * shapes (bars, axes, grid lines) filled on a white page; text and curves are left to the SVG, which Word 2016
 * and later show.
 */
type Point = [number, number];

const apply = (m: Matrix, [x, y]: Point): Point => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** The polygons of path data made of straight segments only; null when it has curves. */
function polygons(d: string): Point[][] | null {
  if (/[cCsSqQtTaA]/.test(d)) return null;
  const tokens = d.match(/[mMlLhHvVzZ]|-?[\d.]+(?:e-?\d+)?/g) ?? [];
  const out: Point[][] = [];
  let cur: Point[] = [];
  let [x, y] = [0, 0];
  let cmd = 'M';
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i] as string;
    if (/[a-zA-Z]/.test(t)) {
      cmd = t;
      i++;
      if (cmd === 'z' || cmd === 'Z') {
        if (cur.length) out.push(cur);
        cur = [];
      }
      continue;
    }
    const n = (k: number) => Number(tokens[i + k]);
    switch (cmd) {
      case 'M':
      case 'm':
        if (cur.length) out.push(cur);
        [x, y] = cmd === 'M' ? [n(0), n(1)] : [x + n(0), y + n(1)];
        cur = [[x, y]];
        cmd = cmd === 'M' ? 'L' : 'l';
        i += 2;
        break;
      case 'L':
      case 'l':
        [x, y] = cmd === 'L' ? [n(0), n(1)] : [x + n(0), y + n(1)];
        cur.push([x, y]);
        i += 2;
        break;
      case 'H':
      case 'h':
        x = cmd === 'H' ? n(0) : x + n(0);
        cur.push([x, y]);
        i += 1;
        break;
      case 'V':
      case 'v':
        y = cmd === 'V' ? n(0) : y + n(0);
        cur.push([x, y]);
        i += 1;
        break;
      default:
        i++;
    }
  }
  if (cur.length) out.push(cur);
  return out;
}

function hex(color: string): [number, number, number] {
  const rgb = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(color);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  const h = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color)?.[1];
  if (!h) return [0x66, 0x66, 0x66];
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  return [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

/** Even-odd scanline fill of the polygons, sampled at each pixel's centre. */
function fillPolygons(px: Uint8Array, w: number, h: number, polys: Point[][], rgb: [number, number, number]) {
  for (let row = 0; row < h; row++) {
    const yc = row + 0.5;
    const xs: number[] = [];
    for (const p of polys)
      for (let i = 0; i < p.length; i++) {
        const [x1, y1] = p[i] as Point;
        const [x2, y2] = p[(i + 1) % p.length] as Point;
        if (y1 <= yc !== y2 <= yc) xs.push(x1 + ((yc - y1) / (y2 - y1)) * (x2 - x1));
      }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2)
      for (let col = Math.max(0, Math.ceil((xs[k] as number) - 0.5)); col < Math.min(w, xs[k + 1] as number); col++)
        px.set(rgb, (row * w + col) * 3);
  }
}

/** A stroked straight segment as a 1-pixel line (axes and grid lines are horizontal or vertical). */
function strokeLine(
  px: Uint8Array,
  w: number,
  h: number,
  [x1, y1]: Point,
  [x2, y2]: Point,
  rgb: [number, number, number],
) {
  const steps = Math.ceil(Math.max(Math.abs(x2 - x1), Math.abs(y2 - y1))) + 1;
  for (let s = 0; s <= steps; s++) {
    const col = Math.floor(x1 + ((x2 - x1) * s) / steps);
    const row = Math.floor(y1 + ((y2 - y1) * s) / steps);
    if (col >= 0 && col < w && row >= 0 && row < h) px.set(rgb, (row * w + col) * 3);
  }
}

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = (CRC[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function chartPng(chart: ReportChart): Buffer {
  const { width: w, height: h } = chart;
  const px = new Uint8Array(w * h * 3).fill(255);
  for (const s of svgShapes(chart.svg)) {
    if (s.kind !== 'path' || s.opacity === 0) continue;
    const polys = polygons(s.d)?.map((p) => p.map((pt) => apply(s.matrix, pt)));
    if (!polys) continue;
    if (s.fill) fillPolygons(px, w, h, polys, hex(s.fill));
    else if (s.stroke)
      for (const p of polys)
        for (let i = 0; i + 1 < p.length; i++) strokeLine(px, w, h, p[i] as Point, p[i + 1] as Point, hex(s.stroke));
  }
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let row = 0; row < h; row++)
    Buffer.from(px.subarray(row * w * 3, (row + 1) * w * 3)).copy(raw, row * (w * 3 + 1) + 1);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
