import { App, Button, Card, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { TFoodPlacard } from '../../../../../src/contracts/food-placards.ts';
import { foodPlacardsApi } from '../../../api/food-placards.ts';
import { useAuth } from '../../../auth/auth-context.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';
import { codeLabel } from '../../../i18n/known-key.ts';
import { useAsync } from '../../../lib/use-async.ts';

const stateColours = { current: 'green', superseded: 'red', withdrawn: 'red' } as const;

/** The food business's 二维码公示牌: sign one for the current grade (food:write), print A4/A5, the issued ones. */
export function PlacardCard({ businessId }: { businessId: number }) {
  const t = useT();
  const { message } = App.useApp();
  const canWrite = useAuth().can('food:write');
  const [busy, setBusy] = useState(false);
  const state = useAsync((signal) => foodPlacardsApi.list(businessId, { signal }), ['food', 'placards', businessId]);
  const issue = (kind: 'dynamic' | 'annual') => {
    setBusy(true);
    foodPlacardsApi
      .issue(businessId, kind)
      .then(
        (p) => {
          message.success(t('foodPlacard.issued'));
          state.setData((rows) => [p, ...(rows ?? [])]);
        },
        (err: Error) => message.error(err.message),
      )
      .finally(() => setBusy(false));
  };
  return (
    <Card
      title={t('foodPlacard.title')}
      data-testid="food-placards"
      extra={
        canWrite && (
          <Space wrap>
            <Button type="primary" loading={busy} onClick={() => issue('dynamic')} data-testid="placard-issue">
              {t('foodPlacard.printDynamic')}
            </Button>
            <Button loading={busy} onClick={() => issue('annual')}>
              {t('foodPlacard.printAnnual')}
            </Button>
          </Space>
        )
      }
    >
      <Table<TFoodPlacard>
        rowKey="id"
        size="small"
        pagination={false}
        loading={state.loading}
        dataSource={state.data ?? []}
        locale={{ emptyText: t('foodPlacard.none') }}
        scroll={{ x: true }}
        columns={[
          { title: t('foodPlacard.id'), dataIndex: 'id' },
          {
            title: t('foodPlacard.grade'),
            dataIndex: 'grade',
            render: (g: string) => codeLabel(t, 'foodPlacard.grade', g),
          },
          { title: t('foodPlacard.issuedOn'), dataIndex: 'issuedOn' },
          { title: t('foodPlacard.issuedBy'), dataIndex: 'createdByName', render: (n: string | null) => n ?? '—' },
          {
            title: t('foodPlacard.state'),
            dataIndex: 'gradeStatus',
            render: (s: TFoodPlacard['gradeStatus']) => (
              <Tag color={stateColours[s]}>{codeLabel(t, 'foodPlacard.gradeStatus', s)}</Tag>
            ),
          },
          {
            title: t('foodPlacard.print'),
            key: 'print',
            render: (_, p) => (
              <Space size="small">
                {(['A4', 'A5'] as const).map((size) => (
                  <Button
                    key={size}
                    size="small"
                    href={foodPlacardsApi.pdfUrl(p.id, size)}
                    target="_blank"
                    data-testid={`placard-pdf-${size}`}
                  >
                    {size}
                  </Button>
                ))}
                <Button size="small" type="link" href={p.url} target="_blank">
                  {t('foodPlacard.openUrl')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
