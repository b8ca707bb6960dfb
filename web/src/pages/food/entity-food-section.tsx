import { Card, Descriptions, Empty, Table } from 'antd';
import { Link } from 'react-router';
import type { TFoodLicence, THealthCertificate } from '../../../../src/contracts/food.ts';
import { foodApi } from '../../api/food.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { ExpiryCell, kindLabel, statusLabel } from './food-labels.tsx';
import { GradeHistory } from './inspections/grade-history.tsx';

/** The entity page's 食品安全 section: its licences and its staff's health certificates (food:read). */
export function EntityFoodSection({ entityId, inBusinessPage }: { entityId: number; inBusinessPage?: boolean }) {
  const t = useT();
  const state = useAsync((signal) => foodApi.entity(entityId, { signal }), ['food', 'entity', entityId]);
  const food = state.data;
  return (
    <Card
      title={t('food.entity.title')}
      extra={
        food?.business &&
        !inBusinessPage && <Link to={`/food/businesses/${food.business.id}`}>{t('food.business.open')}</Link>
      }
      style={{ marginBottom: 16 }}
      loading={state.loading}
      data-testid="entity-food"
    >
      {!food?.business ? (
        <Empty description={t('food.entity.none')} />
      ) : (
        <>
          <Descriptions size="small">
            <Descriptions.Item label={t('food.entity.inspector')}>
              {food.business.inspectorName ?? '—'}
            </Descriptions.Item>
          </Descriptions>
          <Table<TFoodLicence>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={food.licences}
            columns={[
              {
                title: t('food.licence.no'),
                dataIndex: 'licenceNo',
                render: (n: string, r) => <Link to={`/food/licences/${r.id}`}>{n}</Link>,
              },
              { title: t('food.licence.kind'), dataIndex: 'kind', render: (k: string) => kindLabel(t, k) },
              {
                title: t('food.licence.validUntil'),
                dataIndex: 'validUntil',
                render: (_, r) => <ExpiryCell t={t} validUntil={r.validUntil} daysLeft={r.daysLeft} />,
              },
              { title: t('food.licence.status'), dataIndex: 'status', render: (s: string) => statusLabel(t, s) },
            ]}
          />
          <Table<THealthCertificate>
            rowKey="id"
            size="small"
            pagination={false}
            style={{ marginTop: 12 }}
            dataSource={food.certificates}
            columns={[
              { title: t('food.certificate.staffName'), dataIndex: 'staffName' },
              { title: t('food.certificate.no'), dataIndex: 'certificateNo' },
              {
                title: t('food.licence.validUntil'),
                dataIndex: 'validUntil',
                render: (_, r) => <ExpiryCell t={t} validUntil={r.validUntil} daysLeft={r.daysLeft} />,
              },
            ]}
          />
          {!inBusinessPage && <GradeHistory businessId={food.business.id} />}
        </>
      )}
    </Card>
  );
}
