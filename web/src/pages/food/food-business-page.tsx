import { Card, Descriptions, Tabs } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { foodApi } from '../../api/food.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { foodBusinessTabs } from './food-business-tabs.tsx';
import { NewInspectionButton } from './inspections/new-inspection-button.tsx';

/** 食品经营者档案: who and where, then one tab per part of the food module (?tab= keeps the open one). */
export function FoodBusinessPage() {
  const t = useT();
  const id = Number(useParams().id);
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const state = useAsync((signal) => foodApi.business(id, { signal }), ['food', 'business', id]);
  const b = state.data;
  if (state.error) return <LoadError error={state.error} onRetry={state.reload} />;
  if (!b) return <Card loading />;
  const tabs = foodBusinessTabs.filter((tab) => !tab.permission || can(tab.permission));
  return (
    <>
      <PageHeader
        title={`${t('food.business.title')} · ${b.entityName}`}
        extra={can('food:write') && <NewInspectionButton businessId={b.id} />}
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="food-business">
          <Descriptions.Item label={t('food.licence.entity')}>
            <Link to={`/entities/${b.entityId}`}>{b.entityName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('food.business.uscc')}>{b.uscc}</Descriptions.Item>
          <Descriptions.Item label={t('food.licence.station')}>{b.stationName}</Descriptions.Item>
          <Descriptions.Item label={t('food.entity.inspector')}>{b.inspectorName ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Tabs
        activeKey={params.get('tab') ?? tabs[0]?.key}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={tabs.map((tab) => ({ key: tab.key, label: t(tab.label), children: tab.render(b) }))}
        data-testid="food-business-tabs"
      />
    </>
  );
}
