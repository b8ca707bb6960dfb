import { App, Button, Drawer, Input, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import type { THonourList, THonourListDetail } from '../../../../../src/contracts/food-public.ts';
import { foodHonourApi } from '../../../api/food-public.ts';
import { useAuth, useMe } from '../../../auth/auth-context.tsx';
import { ListTable } from '../../../components/list-page/list-table.tsx';
import { errorDetail } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useKeysetList } from '../../../lib/use-keyset-list.ts';

/** The month before this one (the list drafted at the start of a month). */
function lastMonth(): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** 红黑榜: lists of the stations in reach; the chief removes entries (with a reason), approves and publishes. */
export function HonourListsPage() {
  const t = useT();
  const me = useMe();
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const [open, setOpen] = useState<THonourListDetail>();
  const list = useKeysetList(
    (cursor, signal) => foodHonourApi.lists(cursor, { signal }),
    (l) => l.id,
    ['food', 'honour-lists'],
  );
  const run = async (fn: () => Promise<THonourListDetail>) => {
    try {
      setOpen(await fn());
      list.reload();
    } catch (err) {
      message.error(errorDetail(t, err));
    }
  };
  const columns: TableColumnsType<THonourList> = [
    { title: t('foodHonour.station'), dataIndex: 'stationName' },
    { title: t('foodHonour.month'), dataIndex: 'month' },
    { title: t('foodHonour.status'), dataIndex: 'statusLabel' },
    { title: t('foodPublic.red'), dataIndex: 'redCount' },
    { title: t('foodPublic.black'), dataIndex: 'blackCount' },
    {
      title: '',
      key: 'open',
      render: (_, r) => <Button onClick={() => run(() => foodHonourApi.list(r.id))}>{t('foodHonour.open')}</Button>,
    },
  ];
  const remove = (l: THonourListDetail, entryId: number) => {
    let reason = '';
    modal.confirm({
      title: t('foodHonour.removeReason'),
      content: <Input.TextArea onChange={(e) => (reason = e.target.value)} maxLength={500} />,
      onOk: () => run(() => foodHonourApi.remove(l.id, entryId, l.version, reason)),
    });
  };
  const approver = can('food:approve');
  return (
    <>
      <PageHeader
        title={t('foodHonour.title')}
        extra={
          can('food:write') && (
            <Button type="primary" onClick={() => run(() => foodHonourApi.draft(me.user.unitId, lastMonth()))}>
              {t('foodHonour.draft')}
            </Button>
          )
        }
      />
      <ListTable<THonourList> id="food-honour-lists" rowKey="id" columns={columns} source={{ kind: 'keyset', list }} />
      <Drawer
        open={!!open}
        onClose={() => setOpen(undefined)}
        width={720}
        title={open && `${open.stationName} ${open.month} · ${open.statusLabel}`}
        extra={
          open &&
          approver && (
            <Space>
              {open.status === 'draft' && (
                <Button onClick={() => run(() => foodHonourApi.step(open.id, 'approve', open.version))}>
                  {t('foodHonour.approve')}
                </Button>
              )}
              {open.status === 'approved' && (
                <Button type="primary" onClick={() => run(() => foodHonourApi.step(open.id, 'publish', open.version))}>
                  {t('foodHonour.publish')}
                </Button>
              )}
            </Space>
          )
        }
      >
        {open && (
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={open.entries}
            columns={[
              {
                title: '',
                dataIndex: 'board',
                render: (b: string, e) => (
                  <>
                    <Tag color={b === 'red' ? 'red' : 'default'}>
                      {t(b === 'red' ? 'foodPublic.red' : 'foodPublic.black')}
                    </Tag>
                    {e.segment === 'workshop' && <Tag>{t('foodPublic.workshop')}</Tag>}
                  </>
                ),
              },
              { title: t('foodHonour.business'), dataIndex: 'businessName' },
              {
                title: t('foodHonour.reasons'),
                dataIndex: 'reasons',
                render: (r: string[]) => r.join(t('common.messageSeparator')),
              },
              {
                title: '',
                key: 'remove',
                render: (_, e) =>
                  e.removedReason ? (
                    <Tag>
                      {t('common.fieldMessage', { field: t('foodHonour.removed'), message: e.removedReason ?? '' })}
                    </Tag>
                  ) : (
                    approver &&
                    open.status === 'draft' && (
                      <Button size="small" danger onClick={() => remove(open, e.id)}>
                        {t('foodHonour.remove')}
                      </Button>
                    )
                  ),
              },
            ]}
          />
        )}
      </Drawer>
    </>
  );
}
