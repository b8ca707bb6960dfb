/**
 * The few SVG elements ECharts' server renderer writes for a bar chart (path, rect, text, each with its own
 * transform), read into shapes that the PDF and PNG writers draw. Not a general SVG reader: groups, gradients,
 * clip paths and images are not produced for these charts and are skipped.
 */
export type Matrix = [number, number, number, number, number, number];

export interface PathShape {
  kind: 'path';
  d: string;
  fill: string | null;
  stroke: string | null;
  strokeWidth: number;
  opacity: number;
  matrix: Matrix;
}

export interface TextShape {
  kind: 'text';
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  fontSize: number;
  fill: string;
  matrix: Matrix;
}

export type Shape = PathShape | TextShape;

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

const attr = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

function matrixOf(transform: string | undefined): Matrix {
  if (!transform) return IDENTITY;
  const nums = (s: string) =>
    s
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
  const m = /matrix\(([^)]*)\)/.exec(transform);
  if (m) {
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = nums(m[1] as string);
    return [a, b, c, d, e, f];
  }
  const t = /translate\(([^)]*)\)/.exec(transform);
  if (t) {
    const [x = 0, y = 0] = nums(t[1] as string);
    return [1, 0, 0, 1, x, y];
  }
  return IDENTITY;
}

const paint = (v: string | undefined) => (!v || v === 'none' || v === 'transparent' ? null : v);

const decode = (s: string) =>
  s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

export function svgShapes(svg: string): Shape[] {
  const shapes: Shape[] = [];
  const re = /<(path|rect|text)\b([^>]*)>(?:([^<]*)<\/text>)?/g;
  for (let m = re.exec(svg); m; m = re.exec(svg)) {
    const [, name, tag = '', content] = m;
    const opacity = Number(attr(tag, 'opacity') ?? 1);
    const matrix = matrixOf(attr(tag, 'transform'));
    if (name === 'text') {
      const size = /font-size:\s*([\d.]+)px/.exec(attr(tag, 'style') ?? '');
      shapes.push({
        kind: 'text',
        text: decode(content ?? ''),
        x: Number(attr(tag, 'x') ?? 0),
        y: Number(attr(tag, 'y') ?? 0),
        anchor: (attr(tag, 'text-anchor') as TextShape['anchor']) ?? 'start',
        fontSize: size ? Number(size[1]) : 12,
        fill: paint(attr(tag, 'fill')) ?? '#000',
        matrix,
      });
      continue;
    }
    const d =
      name === 'rect'
        ? (() => {
            const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((k) => Number(attr(tag, k) ?? 0));
            return `M${x} ${y}h${w}v${h}h${-(w as number)}Z`;
          })()
        : (attr(tag, 'd') ?? '');
    // An invisible fill (fill-opacity 0) or a zero-width stroke draws nothing (a PDF line of width 0 is a hairline).
    const filled = Number(attr(tag, 'fill-opacity') ?? 1) > 0;
    const fill = !filled
      ? null
      : name === 'rect' || attr(tag, 'fill') !== undefined
        ? paint(attr(tag, 'fill'))
        : '#000';
    const strokeWidth = Number(attr(tag, 'stroke-width') ?? 1);
    if (!d) continue;
    shapes.push({
      kind: 'path',
      d,
      fill,
      stroke: strokeWidth > 0 ? paint(attr(tag, 'stroke')) : null,
      strokeWidth,
      opacity: Number.isFinite(opacity) ? opacity : 1,
      matrix,
    });
  }
  return shapes;
}
