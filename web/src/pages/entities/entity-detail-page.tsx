import { EditOutlined, EyeOutlined, SwapOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TEntityDetail } from '../../../../src/contracts/entities.ts';
import { entitiesApi } from '../../api/entities.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { errorDetail, LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { StatusTag } from '../../components/status-tag.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';
import { EntityFoodSection } from '../food/entity-food-section.tsx';
import { Entity360 } from './entity-360.tsx';
import { EntityEditModal } from './entity-edit-modal.tsx';
import { EntityHistory } from './entity-history.tsx';
import { allowedKinds, EntityLifecycleModal } from './entity-lifecycle-modal.tsx';
import { entityTypeLabel, industryLabel, useStations, yuanFromFen } from './entity-refs.ts';

type Licence = TEntityDetail['licences'][number];

export function EntityDetailPage() {
  const { t, lang } = useI18n();
  const { modal, message } = App.useApp();
  const id = Number(useParams().id);
  const { can } = useAuth();
  const canWrite = can('entity:write');
  const canReadCredit = can('credit:read');
  const stations = useStations();
  const state = useAsync((signal) => entitiesApi.get(id, { signal }), queryKeys.entities.detail(id));
  const [dialog, setDialog] = useState<'edit' | 'lifecycle'>();
  const [fullId, setFullId] = useState<string | null>();

  const e = state.data;
  if (state.error) return <LoadError error={state.error} onRetry={state.reload} />;
  if (!e) return <Card loading />;

  const onSaved = (next: TEntityDetail) => {
    state.setData(() => next);
    setDialog(undefined);
    message.success(t('common.saved'));
  };

  const reveal = () =>
    modal.confirm({
      title: t('entities.revealTitle'),
      content: t('entities.revealConfirm'),
      okText: t('entities.reveal'),
      onOk: async () => {
        try {
          setFullId((await entitiesApi.revealLegalRepId(e.id)).legalRepIdNumber);
        } catch (err) {
          message.error(errorDetail(t, err));
        }
      },
    });

  const licenceColumns = [
    { title: t('entities.licenceKind'), dataIndex: 'kind' },
    { title: t('entities.licenceNumber'), dataIndex: 'number' },
    { title: t('entities.issuedOn'), dataIndex: 'issuedOn', render: (v: string | null) => v ?? '—' },
    { title: t('entities.validUntil'), dataIndex: 'validUntil', render: (v: string | null) => v ?? '—' },
  ];

  return (
    <>
      <PageHeader
        crumb={e.name}
        title={
          <Space>
            <span data-testid="entity-title">{e.name}</span>
            <StatusTag workflow="entity" status={e.status} data-testid="entity-status" />
          </Space>
        }
        extra={
          <Space>
            {canReadCredit && (
              <Link to={`/credit/entities/${e.id}`} data-testid="entity-credit-link">
                {t('entities.credit')}
              </Link>
            )}
            {canWrite && (
              <Space>
                <Button icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="entity-edit">
                  {t('entities.edit')}
                </Button>
                <Button
                  icon={<SwapOutlined />}
                  disabled={allowedKinds(e.status).length === 0}
                  onClick={() => setDialog('lifecycle')}
                  data-testid="entity-lifecycle"
                >
                  {t('entities.lifecycle')}
                </Button>
              </Space>
            )}
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small" data-testid="entity-profile">
          <Descriptions.Item label={t('entities.uscc')}>
            <Typography.Text code copyable>
              {e.uscc}
            </Typography.Text>
            {e.usccOverrideReason && <Tag color="warning">{t('entities.usccOverridden')}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('entities.type')}>{entityTypeLabel(t, e.type)}</Descriptions.Item>
          <Descriptions.Item label={t('entities.establishedOn')}>{e.establishedOn}</Descriptions.Item>
          <Descriptions.Item label={t('entities.legalRep')}>{e.legalRepName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('entities.legalRepId')}>
            <Space>
              <span data-testid="entity-legal-rep-id">{fullId ?? e.legalRepIdMasked ?? '—'}</span>
              {canWrite && e.legalRepIdMasked && fullId === undefined && (
                <Button size="small" type="link" icon={<EyeOutlined />} onClick={reveal} data-testid="entity-reveal">
                  {t('entities.reveal')}
                </Button>
              )}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('entities.phone')}>{e.phoneMasked ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('entities.address')} span={2}>
            {e.address ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('entities.station')}>{e.stationName}</Descriptions.Item>
          <Descriptions.Item label={t('entities.industry')}>{industryLabel(e.industryCode)}</Descriptions.Item>
          <Descriptions.Item label={t('entities.regionCode')}>{e.regionCode ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('entities.capital')}>
            {yuanFromFen(t, lang, e.registeredCapitalFen)}
          </Descriptions.Item>
          <Descriptions.Item label={t('entities.businessScope')} span={3}>
            {e.businessScope ?? '—'}
          </Descriptions.Item>
          {e.usccOverrideReason && (
            <Descriptions.Item label={t('entities.overrideReason')} span={3}>
              {e.usccOverrideReason}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('entities.updatedAt')}>{formatDateTime(e.updatedAt, lang)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('entities.licences')} style={{ marginBottom: 16 }}>
        <Table<Licence> rowKey="id" columns={licenceColumns} dataSource={e.licences} pagination={false} size="small" />
      </Card>
      <Entity360 entityId={e.id} />
      {can('food:read') && <EntityFoodSection entityId={e.id} />}
      <Card title={t('entities.history')} data-testid="entity-history">
        <EntityHistory events={e.events} />
      </Card>
      {dialog === 'edit' && (
        <EntityEditModal entity={e} stations={stations} onClose={() => setDialog(undefined)} onSaved={onSaved} />
      )}
      {dialog === 'lifecycle' && (
        <EntityLifecycleModal entity={e} onClose={() => setDialog(undefined)} onSaved={onSaved} />
      )}
    </>
  );
}
