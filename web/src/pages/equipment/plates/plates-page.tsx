import { App, Button, Card, InputNumber, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { equipmentHazardsApi } from '../../../api/equipment-hazards.ts';
import { useAuth } from '../../../auth/auth-context.tsx';
import { LoadError } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useAsync } from '../../../lib/use-async.ts';

/** 电梯使用标志: a lift's signed plates (the newest is current) and issuing a new one; `?equipmentId=` picks the lift. */
export function EquipmentPlatesPage() {
  const t = useT();
  const { message } = App.useApp();
  const canWrite = useAuth().can('equipment:write');
  const [params, setParams] = useSearchParams();
  const equipmentId = Number(params.get('equipmentId')) || undefined;
  const [typed, setTyped] = useState<number | null>(equipmentId ?? null);
  const [busy, setBusy] = useState(false);
  const list = useAsync(
    (signal) => (equipmentId ? equipmentHazardsApi.plates(equipmentId, { signal }) : Promise.resolve([])),
    ['equipment', 'plates', equipmentId ?? 0],
  );
  const issue = () => {
    if (!equipmentId) return;
    setBusy(true);
    equipmentHazardsApi
      .issuePlate(equipmentId)
      .then(
        () => list.reload(),
        (err: Error) => message.error(err.message),
      )
      .finally(() => setBusy(false));
  };
  return (
    <>
      <PageHeader title={t('equipmentPlates.title')} />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <InputNumber
            min={1}
            value={typed}
            onChange={setTyped}
            placeholder={t('equipmentHazards.equipmentId')}
            style={{ width: 200 }}
            data-testid="plate-equipment"
          />
          <Button onClick={() => typed && setParams({ equipmentId: String(typed) })}>
            {t('equipmentPlates.show')}
          </Button>
          {canWrite && equipmentId && (
            <Button type="primary" loading={busy} onClick={issue} data-testid="plate-issue">
              {t('equipmentPlates.issue')}
            </Button>
          )}
        </Space>
        {list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : (
          <Table
            rowKey="id"
            size="small"
            loading={!list.data}
            scroll={{ x: 'max-content' }}
            dataSource={list.data ?? []}
            data-testid="plates-table"
            columns={[
              { title: t('equipmentHazards.equipmentCode'), dataIndex: 'equipmentCode' },
              { title: t('equipmentHazards.registrationNo'), dataIndex: 'registrationNo' },
              { title: t('equipmentPlates.validUntil'), dataIndex: 'validUntil' },
              { title: t('equipmentPlates.issuedOn'), dataIndex: 'issuedOn' },
              {
                title: t('equipmentPlates.current'),
                dataIndex: 'current',
                render: (c: boolean) => (
                  <Tag color={c ? 'green' : 'default'}>
                    {c ? t('equipmentPlates.isCurrent') : t('equipmentPlates.superseded')}
                  </Tag>
                ),
              },
              {
                title: t('equipmentPlates.url'),
                dataIndex: 'url',
                render: (u: string) => (
                  <a href={u} target="_blank" rel="noreferrer" data-testid="plate-url">
                    {t('equipmentPlates.open')}
                  </a>
                ),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
