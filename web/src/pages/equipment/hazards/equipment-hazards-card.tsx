import { Card, Space, Table } from 'antd';
import { Link } from 'react-router';
import { equipmentHazardsApi } from '../../../api/equipment-hazards.ts';
import { LoadError } from '../../../components/load-error.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useAsync } from '../../../lib/use-async.ts';
import { hazardStatusLabel } from './directive-labels.tsx';

/** The equipment page's hazards: each with its order, and whether a 监督检查 visit found it. */
export function EquipmentHazardsCard({ equipmentId, entityId }: { equipmentId: number; entityId: number }) {
  const t = useT();
  const list = useAsync(
    (signal) => equipmentHazardsApi.hazardsOf(equipmentId, { signal }),
    ['equipment', 'hazards', equipmentId],
  );
  return (
    <Card
      title={t('equipmentHazards.hazards')}
      style={{ marginTop: 16 }}
      extra={
        <Space wrap>
          <Link to={`/equipment/directives?equipmentId=${equipmentId}`}>{t('nav.equipmentDirectives')}</Link>
          <Link to={`/equipment/supervisions?entityId=${entityId}`}>{t('equipmentHazards.supervisions')}</Link>
        </Space>
      }
    >
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          loading={!list.data}
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={list.data ?? []}
          data-testid="equipment-hazards"
          columns={[
            { title: t('equipmentHazards.foundOn'), dataIndex: 'foundOn' },
            { title: t('equipmentHazards.grade'), dataIndex: 'gradeName' },
            { title: t('equipmentHazards.description'), dataIndex: 'description' },
            { title: t('equipmentHazards.statusLabel'), dataIndex: 'status', render: (v) => hazardStatusLabel(t, v) },
            {
              title: t('equipmentHazards.visit'),
              dataIndex: 'visitId',
              render: (v: number | null) => (v ? t('equipmentHazards.yes') : '—'),
            },
            {
              title: t('equipmentHazards.docNo'),
              dataIndex: 'directiveId',
              render: (d: number | null) =>
                d ? <Link to={`/equipment/directives/${d}`}>{t('equipmentHazards.openDirective')}</Link> : '—',
            },
          ]}
        />
      )}
    </Card>
  );
}
