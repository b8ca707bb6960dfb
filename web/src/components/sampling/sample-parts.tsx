import { Button, Card, Space, Table, type TableColumnsType, Tag, Timeline } from 'antd';
import type { ReactNode } from 'react';
import type { Translate } from '../../i18n/i18n-context.tsx';
import { codeLabel } from '../../i18n/known-key.ts';

/**
 * The parts both sampling modules' pages share (food 抽检 and product 抽查): the conclusion tag, the step buttons the
 * status offers, the notice link, the items of the test and the 复检, and the trail. Each module keeps its own
 * facts, forms and message prefix (`foodSampling` / `product`), so its wording and test ids stay its own.
 */

/** 合格 green, 不合格 red, nothing yet a dash; `prefix` names the module's messages (`${prefix}.conclusion.pass`). */
export const conclusionTag = (t: Translate, prefix: string, c: string | null) =>
  c ? <Tag color={c === 'pass' ? 'green' : 'red'}>{codeLabel(t, `${prefix}.conclusion`, c)}</Tag> : '—';

/** The buttons of the steps the sample's status offers (the server's transition table decides). */
export function StepButtons<S extends string>({
  steps,
  label,
  testId,
  onPick,
}: {
  steps: readonly S[];
  label: (step: S) => string;
  testId: (step: S) => string;
  onPick: (step: S) => void;
}) {
  return (
    <Space wrap>
      {steps.map((k) => (
        <Button key={k} onClick={() => onPick(k)} data-testid={testId(k)}>
          {label(k)}
        </Button>
      ))}
    </Space>
  );
}

/** The printed notice (PDF) once it is recorded, else a dash. */
export function NoticeLink({ href, text, testId }: { href: string | null; text: string; testId: string }) {
  if (!href) return <>—</>;
  return (
    <a href={href} target="_blank" rel="noreferrer" data-testid={testId}>
      {text}
    </a>
  );
}

interface SampleItem {
  itemName: string;
  conclusion: string;
  retest: boolean;
}

/** The items of the test and of the 复检: the module's own columns, then 结论 and a 复检 mark. */
export function SampleItemsCard<I extends SampleItem>({
  title,
  items,
  columns,
  conclusionTitle,
  conclusion,
  retestTitle,
  testId,
}: {
  title: string;
  items: readonly I[];
  columns: TableColumnsType<I>;
  conclusionTitle: string;
  conclusion: (c: string) => ReactNode;
  retestTitle: string;
  testId?: string;
}) {
  return (
    <Card title={title} style={{ marginTop: 16 }}>
      <Table<I>
        rowKey={(r) => `${r.retest}-${r.itemName}`}
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={items as I[]}
        data-testid={testId}
        columns={[
          ...columns,
          { title: conclusionTitle, dataIndex: 'conclusion', render: (c: string) => conclusion(c) },
          { title: retestTitle, dataIndex: 'retest', render: (r: boolean) => (r ? '✓' : '') },
        ]}
      />
    </Card>
  );
}

interface SampleEvent {
  at: string;
  actorName: string | null;
  toStatus: string;
  note: string | null;
}

/** The trail: when, who, the status reached and the note. */
export function SampleEventsCard({
  title,
  events,
  statusLabel,
}: {
  title: string;
  events: readonly SampleEvent[];
  statusLabel: (s: string) => string;
}) {
  return (
    <Card title={title} style={{ marginTop: 16 }}>
      <Timeline
        items={events.map((e) => ({
          children: `${e.at} · ${e.actorName ?? ''} · ${statusLabel(e.toStatus)}${e.note ? ` · ${e.note}` : ''}`,
        }))}
      />
    </Card>
  );
}
