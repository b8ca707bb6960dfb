import { Card, Col, Row, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { equipmentApi } from '../../api/equipment.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';

const colors: Record<string, string> = { normal: '#52c41a', due: '#fa8c16', overdue: '#f5222d' };
const W = 800;
const H = 560;

/** 分布图: an SVG scatter of the equipment in reach by latitude/longitude (no tiles), coloured by inspection state. */
export function EquipmentMapPage() {
  const t = useT();
  const navigate = useNavigate();
  const [state, setState] = useState<'due' | 'overdue' | 'dueOrOverdue' | undefined>('dueOrOverdue');
  const [category, setCategory] = useState<string | undefined>();
  const query = { inspectionState: state, category };
  const data = useAsync((signal) => equipmentApi.map(query, { signal }), ['equipment', 'map', query]);
  const points = data.data?.points ?? [];
  const lats = points.map((p) => p.latitude);
  const lngs = points.map((p) => p.longitude);
  const [minLat, maxLat] = [Math.min(...lats), Math.max(...lats)];
  const [minLng, maxLng] = [Math.min(...lngs), Math.max(...lngs)];
  const x = (lng: number) => 20 + ((lng - minLng) / (maxLng - minLng || 1)) * (W - 40);
  const y = (lat: number) => H - 20 - ((lat - minLat) / (maxLat - minLat || 1)) * (H - 40);
  return (
    <>
      <PageHeader title={t('equipment.map.title')} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ width: 180 }}
          value={state}
          onChange={setState}
          placeholder={t('equipment.inspectionState')}
          options={(['due', 'overdue', 'dueOrOverdue'] as const).map((s) => ({
            value: s,
            label: t(`equipment.stateFilter.${s}`),
          }))}
        />
        <Select
          allowClear
          style={{ width: 180 }}
          value={category}
          onChange={setCategory}
          placeholder={t('equipment.category')}
          options={['1000', '2000', '3000', '4000', '5000', '6000', '8000', '9000'].map((c) => ({
            value: c,
            label: t(`equipment.top.${c}` as 'equipment.top.3000'),
          }))}
        />
        {(['normal', 'due', 'overdue'] as const).map((s) => (
          <Tag key={s} color={colors[s]}>
            {t(`equipment.state.${s}`)}
          </Tag>
        ))}
      </Space>
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Card loading={data.loading && !data.data}>
            <svg
              viewBox={`0 0 ${W} ${H}`}
              style={{ width: '100%', background: '#f5f7fa' }}
              role="img"
              aria-label={t('equipment.map.title')}
              data-testid="equipment-map"
            >
              {points.map((p) => (
                <a
                  key={p.id}
                  href={`/equipment/registry/${p.id}`}
                  onClick={(ev) => {
                    ev.preventDefault();
                    navigate(`/equipment/registry/${p.id}`);
                  }}
                >
                  <circle cx={x(p.longitude)} cy={y(p.latitude)} r={3} fill={colors[p.inspectionState]} opacity={0.75}>
                    <title>{p.equipmentCode}</title>
                  </circle>
                </a>
              ))}
            </svg>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('equipment.map.townships')}>
            <Table
              rowKey="regionCode"
              size="small"
              pagination={false}
              dataSource={data.data?.townships ?? []}
              columns={[
                { title: t('equipment.township'), dataIndex: 'regionCode' },
                { title: t('equipment.map.total'), dataIndex: 'total' },
                { title: t('equipment.state.due'), dataIndex: 'due' },
                { title: t('equipment.state.overdue'), dataIndex: 'overdue' },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
