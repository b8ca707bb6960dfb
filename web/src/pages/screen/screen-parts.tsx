import type { CSSProperties, ReactNode } from 'react';
import { screenColours } from './screen-options.ts';

const panelStyle: CSSProperties = {
  display: 'flex',
  flexDirection: 'column',
  minHeight: 0,
  background: 'linear-gradient(180deg, rgba(16, 45, 92, 0.65), rgba(8, 24, 54, 0.65))',
  border: '1px solid rgba(63, 208, 255, 0.35)',
  borderRadius: 6,
  padding: '10px 14px',
  boxShadow: 'inset 0 0 24px rgba(63, 208, 255, 0.08)',
};

/** A framed block of the screen: a title bar and a body that fills the rest (never scrolls). */
export function Panel({
  title,
  extra,
  flex = 1,
  children,
  testId,
}: {
  title: string;
  extra?: ReactNode;
  flex?: number;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section style={{ ...panelStyle, flex }} data-testid={testId}>
      <header
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'baseline',
          color: screenColours.accent,
          fontSize: 18,
          fontWeight: 600,
          borderLeft: `4px solid ${screenColours.accent}`,
          paddingLeft: 8,
          marginBottom: 6,
        }}
      >
        <span>{title}</span>
        {extra && <span style={{ fontSize: 13, color: screenColours.muted, fontWeight: 400 }}>{extra}</span>}
      </header>
      <div style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>{children}</div>
    </section>
  );
}

/** One clickable figure: a label, a big number and an optional note; a click opens its list. */
export function Figure({
  label,
  value,
  note,
  onClick,
  warn,
  size = 34,
  testId,
}: {
  label: string;
  value: ReactNode;
  note?: ReactNode;
  onClick: () => void;
  warn?: boolean;
  size?: number;
  testId: string;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      data-testid={testId}
      style={{
        flex: 1,
        minWidth: 0,
        background: 'rgba(63, 208, 255, 0.06)',
        border: '1px solid rgba(63, 208, 255, 0.2)',
        borderRadius: 4,
        padding: '6px 10px',
        color: screenColours.text,
        cursor: 'pointer',
        textAlign: 'left',
        font: 'inherit',
      }}
    >
      <div style={{ fontSize: 14, color: screenColours.muted, whiteSpace: 'nowrap' }}>{label}</div>
      <div
        style={{
          fontSize: size,
          fontWeight: 700,
          lineHeight: 1.2,
          color: warn ? screenColours.warn : '#ffffff',
          fontVariantNumeric: 'tabular-nums',
        }}
      >
        {value}
      </div>
      {note && <div style={{ fontSize: 13, color: screenColours.muted, whiteSpace: 'nowrap' }}>{note}</div>}
    </button>
  );
}

export const row: CSSProperties = { display: 'flex', gap: 10 };
export const column: CSSProperties = { display: 'flex', flexDirection: 'column', gap: 14, minHeight: 0 };

/** 分 → 万元 with one decimal. */
export const tenThousandYuan = (fen: number) =>
  (fen / 1_000_000).toLocaleString(undefined, { maximumFractionDigits: 1 });
