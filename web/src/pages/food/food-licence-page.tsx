import { App, Button, Card, Descriptions, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { foodApi } from '../../api/food.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { categoryLabel, ExpiryCell, kindLabel, statusLabel } from './food-labels.tsx';
import { LicenceFormModal } from './licence-form-modal.tsx';

/** One licence, filing or registration: its facts, dates and status (注销/撤销 by those who keep licences). */
export function FoodLicencePage() {
  const t = useT();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const canWrite = useAuth().can('food:write');
  const navigate = useNavigate();
  const [renewing, setRenewing] = useState(false);
  const state = useAsync((signal) => foodApi.licence(id, { signal }), ['food', 'licence', id]);
  const l = state.data;
  if (state.error) return <LoadError error={state.error} onRetry={state.reload} />;
  if (!l) return <Card loading />;
  const setStatus = (status: 'active' | 'revoked' | 'cancelled') =>
    foodApi.setLicenceStatus(l.id, status).then(
      (next) => state.setData(() => next),
      (err: Error) => message.error(err.message),
    );
  return (
    <>
      <PageHeader
        title={`${t('food.licence.title')} · ${l.licenceNo}`}
        extra={
          canWrite && (
            <Space>
              {l.status === 'active' ? (
                <>
                  <Button type="primary" onClick={() => setRenewing(true)} data-testid="food-licence-renew">
                    {t('food.licenceForm.renew')}
                  </Button>
                  <Popconfirm title={t('food.licence.cancel')} onConfirm={() => setStatus('cancelled')}>
                    <Button danger>{t('food.licence.cancel')}</Button>
                  </Popconfirm>
                  <Popconfirm title={t('food.licence.revoke')} onConfirm={() => setStatus('revoked')}>
                    <Button danger>{t('food.licence.revoke')}</Button>
                  </Popconfirm>
                </>
              ) : (
                l.status !== 'renewed' && (
                  <Button onClick={() => setStatus('active')}>{t('food.licence.restore')}</Button>
                )
              )}
            </Space>
          )
        }
      />
      {renewing && (
        <LicenceFormModal
          renews={l}
          onClose={() => setRenewing(false)}
          onDone={(next) => {
            setRenewing(false);
            navigate(`/food/licences/${next.id}`);
          }}
        />
      )}
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="food-licence">
          <Descriptions.Item label={t('food.licence.no')}>{l.licenceNo}</Descriptions.Item>
          <Descriptions.Item label={t('food.licence.kind')}>{kindLabel(t, l.kind)}</Descriptions.Item>
          <Descriptions.Item label={t('food.licence.entity')}>
            <Link to={`/entities/${l.entityId}`}>{l.entityName}</Link> {l.uscc}
          </Descriptions.Item>
          <Descriptions.Item label={t('food.licence.station')}>{l.stationName}</Descriptions.Item>
          <Descriptions.Item label={t('food.licence.categories')} span={2}>
            {l.categories.map((c) => categoryLabel(t, c)).join(', ') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('food.licence.issuedOn')}>{l.issuedOn}</Descriptions.Item>
          <Descriptions.Item label={t('food.licence.validUntil')}>
            <ExpiryCell t={t} validUntil={l.validUntil} daysLeft={l.daysLeft} />
          </Descriptions.Item>
          <Descriptions.Item label={t('food.licence.renewalDueOn')}>{l.renewalDueOn}</Descriptions.Item>
          <Descriptions.Item label={t('food.licence.status')}>
            <span data-testid="food-licence-status">{statusLabel(t, l.status)}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
    </>
  );
}
