import { App, Button, Drawer, Input, Space, Table, Tag } from 'antd';
import type { THonourListDetail } from '../../../../../src/contracts/food-public.ts';
import { foodHonourApi } from '../../../api/food-public.ts';
import { useAuth } from '../../../auth/auth-context.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';

/** One list with its entries; the chief (food:approve) removes entries with a reason, approves and publishes. */
export function HonourListDrawer(props: {
  list?: THonourListDetail;
  onClose: () => void;
  run: (fn: () => Promise<THonourListDetail>) => Promise<void>;
}) {
  const { list: open, run } = props;
  const t = useT();
  const { can } = useAuth();
  const { modal } = App.useApp();
  const approver = can('food:approve');
  const remove = (l: THonourListDetail, entryId: number) => {
    let reason = '';
    modal.confirm({
      title: t('foodHonour.removeReason'),
      content: (
        <Input.TextArea
          aria-label={t('foodHonour.removeReason')}
          onChange={(e) => (reason = e.target.value)}
          maxLength={500}
        />
      ),
      onOk: () => run(() => foodHonourApi.remove(l.id, entryId, l.version, reason)),
    });
  };
  return (
    <Drawer
      open={!!open}
      onClose={props.onClose}
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
  );
}
