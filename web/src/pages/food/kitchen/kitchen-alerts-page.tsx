import { App, Button, Form, Image, Input, Modal, Select, Space, type TableColumnsType, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { TKitchenAlert } from '../../../../../src/contracts/food-kitchen.ts';
import { type KitchenAlertAction, kitchenEventTypeCodes } from '../../../../../src/domain/kitchen-alerts.ts';
import { kitchenApi, type TKitchenAlertListQuery } from '../../../api/food-kitchen.ts';
import { useAuth } from '../../../auth/auth-context.tsx';
import { ListTable } from '../../../components/list-page/list-table.tsx';
import { SearchForm } from '../../../components/list-page/search-form.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../../i18n/zh-cn.ts';
import { useKeysetList } from '../../../lib/use-keyset-list.ts';

type Filters = { status?: TKitchenAlertListQuery['status']; eventType?: TKitchenAlertListQuery['eventType'] };
const statusColor = { new: 'red', handled: 'green', ignored: 'default' } as const;

/** 明厨亮灶告警: the AI cameras' alerts of the businesses in reach, newest first, handled or ignored with a note. */
export function KitchenAlertsPage() {
  const t = useT();
  const { message } = App.useApp();
  const canWrite = useAuth().can('food:write');
  const [filters, setFilters] = useState<Filters>({ status: 'new' });
  const [acting, setActing] = useState<{ alert: TKitchenAlert; action: KitchenAlertAction } | null>(null);
  const [note, setNote] = useState('');
  const query: TKitchenAlertListQuery = { status: filters.status, eventType: filters.eventType };
  const list = useKeysetList(
    (cursor, signal) => kitchenApi.alerts({ ...query, cursor }, { signal }),
    (a) => a.id,
    ['food', 'kitchen', 'alerts', query],
  );
  const columns = useMemo<TableColumnsType<TKitchenAlert>>(
    () => [
      {
        title: t('kitchen.alert.snapshot'),
        dataIndex: 'hasSnapshot',
        width: 96,
        render: (has: boolean, a) =>
          has ? (
            <Image src={kitchenApi.snapshotUrl(a.id)} width={80} height={60} style={{ objectFit: 'cover' }} />
          ) : (
            '—'
          ),
      },
      {
        title: t('kitchen.alert.eventType'),
        dataIndex: 'eventType',
        render: (e: string) => (
          <Tag color={e === 'rodent' ? 'volcano' : 'orange'}>{t(`kitchen.event.${e}` as MessageKey)}</Tag>
        ),
      },
      { title: t('kitchen.alert.count'), dataIndex: 'count', render: (n: number) => (n > 1 ? `×${n}` : '1') },
      {
        title: t('kitchen.alert.business'),
        dataIndex: 'entityName',
        render: (n: string, a) => (
          <Space direction="vertical" size={0}>
            <span>{n}</span>
            <small>
              {a.cameraId} · {t(`kitchen.area.${a.area}` as MessageKey)}
            </small>
          </Space>
        ),
      },
      {
        title: t('kitchen.alert.lastSeen'),
        dataIndex: 'lastSeenAt',
        render: (s: string) => new Date(s).toLocaleString('zh-CN', { hour12: false }),
      },
      { title: t('kitchen.alert.station'), dataIndex: 'stationName', responsive: ['md'] },
      {
        title: t('kitchen.alert.status'),
        dataIndex: 'status',
        render: (s: TKitchenAlert['status'], a) => (
          <Space direction="vertical" size={0}>
            <Tag color={statusColor[s]}>{t(`kitchen.status.${s}` as MessageKey)}</Tag>
            {a.note && <small>{a.note}</small>}
          </Space>
        ),
      },
      {
        title: t('kitchen.alert.actions'),
        key: 'actions',
        render: (_, a) =>
          canWrite &&
          (a.status === 'new' ? (
            <Space wrap>
              <Button size="small" type="primary" onClick={() => setActing({ alert: a, action: 'handle' })}>
                {t('kitchen.alert.handle')}
              </Button>
              <Button size="small" onClick={() => setActing({ alert: a, action: 'ignore' })}>
                {t('kitchen.alert.ignore')}
              </Button>
            </Space>
          ) : (
            <Button size="small" onClick={() => setActing({ alert: a, action: 'reopen' })}>
              {t('kitchen.alert.reopen')}
            </Button>
          )),
      },
    ],
    [t, canWrite],
  );
  const submit = async () => {
    if (!acting) return;
    try {
      await kitchenApi.transition(acting.alert.id, { action: acting.action, note, version: acting.alert.version });
      setActing(null);
      setNote('');
      list.reload();
    } catch (err) {
      message.error((err as Error).message);
    }
  };
  return (
    <>
      <PageHeader
        title={t('kitchen.alerts.title')}
        extra={<Link to="/food/kitchen/enrollments">{t('nav.foodKitchenEnrollments')}</Link>}
      />
      <SearchForm<Filters>
        initialValues={{ status: 'new' }}
        onSearch={setFilters}
        onReset={() => setFilters({})}
        data-testid="kitchen-alerts-search"
      >
        <Form.Item name="status" label={t('kitchen.alert.status')}>
          <Select
            allowClear
            style={{ width: 120 }}
            options={(['new', 'handled', 'ignored'] as const).map((s) => ({
              value: s,
              label: t(`kitchen.status.${s}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="eventType" label={t('kitchen.alert.eventType')}>
          <Select
            allowClear
            style={{ width: 140 }}
            options={kitchenEventTypeCodes.map((e) => ({ value: e, label: t(`kitchen.event.${e}` as MessageKey) }))}
          />
        </Form.Item>
      </SearchForm>
      <ListTable<TKitchenAlert>
        id="kitchen-alerts"
        rowKey="id"
        columns={columns}
        source={{ kind: 'keyset', list }}
        data-testid="kitchen-alerts-table"
      />
      <Modal
        open={!!acting}
        title={acting && t(`kitchen.alert.${acting.action}` as MessageKey)}
        onCancel={() => setActing(null)}
        onOk={submit}
        okButtonProps={{ disabled: !note.trim() }}
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          value={note}
          placeholder={t('kitchen.alert.notePlaceholder')}
          onChange={(e) => setNote(e.target.value)}
        />
      </Modal>
    </>
  );
}
