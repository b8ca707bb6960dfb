import type { TableColumnsType } from 'antd';
import { Typography } from 'antd';
import type { TAdverseEvent } from '../../../../src/contracts/cosmetics-devices.ts';
import { StatusTag } from '../../components/status-tag.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { CategoryTag, EventActions, SeverityTag } from './cd-parts.tsx';

/** The columns of an adverse-event list (the list page, a business's page); actions where the caller may write. */
export function useEventColumns(
  canWrite: boolean,
  onChanged: (e: TAdverseEvent) => void,
  withBusiness = true,
): TableColumnsType<TAdverseEvent> {
  const t = useT();
  return [
    { title: t('cd.event.occurredOn'), dataIndex: 'occurredOn' },
    ...(withBusiness
      ? [
          { title: t('cd.event.business'), dataIndex: 'entityName' },
          {
            title: t('cd.business.category'),
            dataIndex: 'category',
            render: (c: TAdverseEvent['category']) => <CategoryTag category={c} />,
          },
        ]
      : []),
    { title: t('cd.event.productName'), dataIndex: 'productName' },
    { title: t('cd.event.registrationNo'), dataIndex: 'registrationNo' },
    {
      title: t('cd.event.severity'),
      dataIndex: 'severity',
      render: (s: TAdverseEvent['severity']) => <SeverityTag severity={s} />,
    },
    {
      title: t('cd.event.status'),
      dataIndex: 'status',
      render: (s: string, r) => <StatusTag workflow="cdAdverse" status={s} data-testid={`cd-event-status-${r.id}`} />,
    },
    {
      title: t('cd.event.description'),
      dataIndex: 'description',
      render: (d: string) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: d }} style={{ maxWidth: 280, marginBottom: 0 }}>
          {d}
        </Typography.Paragraph>
      ),
    },
    { title: t('cd.event.note'), dataIndex: 'note', render: (n: string | null) => n ?? '—' },
    ...(canWrite
      ? [
          {
            title: t('cd.event.actions'),
            key: 'actions',
            render: (_: unknown, r: TAdverseEvent) => <EventActions event={r} onDone={onChanged} />,
          },
        ]
      : []),
  ];
}
