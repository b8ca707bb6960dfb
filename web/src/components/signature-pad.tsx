import { Button, Flex } from 'antd';
import { type PointerEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/i18n-context.tsx';

const INK = '#10133a';
const LINE_WIDTH = 2.5;

/**
 * A signature drawn with a finger, a stylus or the mouse: one canvas driven by pointer events (touch-action: none,
 * so drawing does not scroll the page), drawn at the screen's pixel density so it prints sharply. Clear starts
 * again; confirm hands the drawing over as a PNG. A resize (a phone turned) clears it, as the strokes would no
 * longer fit.
 */
export function SignaturePad(props: {
  onConfirm: (png: Blob) => unknown;
  height?: number;
  busy?: boolean;
  confirmLabel?: string;
  testId?: string;
}) {
  const t = useT();
  const height = props.height ?? 200;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const [empty, setEmpty] = useState(true);

  const context = () => canvasRef.current?.getContext('2d') ?? null;

  const fit = useCallback(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const ratio = Math.min(window.devicePixelRatio || 1, 3);
    const width = canvas.clientWidth;
    if (canvas.width === Math.round(width * ratio) && canvas.height === Math.round(height * ratio)) return;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.scale(ratio, ratio);
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.lineWidth = LINE_WIDTH;
    ctx.strokeStyle = INK;
    ctx.fillStyle = INK;
    setEmpty(true);
  }, [height]);

  useEffect(() => {
    fit();
    const canvas = canvasRef.current;
    if (!canvas || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(fit);
    observer.observe(canvas);
    return () => observer.disconnect();
  }, [fit]);

  const point = (e: PointerEvent<HTMLCanvasElement> | globalThis.PointerEvent) => {
    const rect = canvasRef.current!.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };

  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    const p = point(e);
    last.current = p;
    const ctx = context();
    if (!ctx) return;
    // A tap leaves a dot (the dot over an i, a full stop).
    ctx.beginPath();
    ctx.arc(p.x, p.y, LINE_WIDTH / 2, 0, Math.PI * 2);
    ctx.fill();
    setEmpty(false);
  };

  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!last.current) return;
    e.preventDefault();
    const ctx = context();
    if (!ctx) return;
    // Coalesced events keep fast strokes smooth where the browser batches them.
    const events = e.nativeEvent.getCoalescedEvents?.() ?? [];
    ctx.beginPath();
    ctx.moveTo(last.current.x, last.current.y);
    for (const ev of events.length ? events : [e.nativeEvent]) {
      const p = point(ev);
      ctx.lineTo(p.x, p.y);
      last.current = p;
    }
    ctx.stroke();
  };

  const up = (e: PointerEvent<HTMLCanvasElement>) => {
    last.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };

  const clear = () => {
    const canvas = canvasRef.current;
    const ctx = context();
    if (!canvas || !ctx) return;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.restore();
    setEmpty(true);
  };

  const confirm = () =>
    canvasRef.current?.toBlob((blob) => {
      if (blob) props.onConfirm(blob);
    }, 'image/png');

  const testId = props.testId ?? 'signature-pad';
  return (
    <Flex vertical gap={8}>
      <canvas
        ref={canvasRef}
        aria-label={t('signature.pad.label')}
        data-testid={testId}
        data-empty={empty}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
        style={{
          width: '100%',
          height,
          touchAction: 'none',
          border: '1px dashed #bfbfbf',
          borderRadius: 6,
          background: '#fff',
          cursor: 'crosshair',
        }}
      />
      <Flex gap={8}>
        <Button size="large" onClick={clear} disabled={empty || props.busy} data-testid={`${testId}-clear`}>
          {t('signature.pad.clear')}
        </Button>
        <Button
          type="primary"
          size="large"
          style={{ flex: 1 }}
          onClick={confirm}
          disabled={empty}
          loading={props.busy}
          data-testid={`${testId}-confirm`}
        >
          {props.confirmLabel ?? t('signature.pad.confirm')}
        </Button>
      </Flex>
    </Flex>
  );
}
