import { App, Badge, Button, Calendar, Card, Checkbox, Flex, List, Select, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { foodTiersApi } from '../../../api/food-tiers.ts';
import { useAuth } from '../../../auth/auth-context.tsx';
import { errorDetail } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../../i18n/zh-cn.ts';
import { useAsync } from '../../../lib/use-async.ts';
import { useStations } from '../../entities/entity-refs.ts';
import { TierTag } from './tier-tag.tsx';

const ISO = 'YYYY-MM-DD';

/** 年度检查计划: the station's planned routine visits as a month calendar (count per day), a day's list on click. */
export function FoodPlanPage() {
  const t = useT();
  const { message } = App.useApp();
  const { me, can } = useAuth();
  const stations = useStations();
  const [params, setParams] = useSearchParams();
  const [selected, setSelected] = useState<Dayjs>(() => dayjs(params.get('day') ?? undefined));
  const [stationId, setStationId] = useState<number | undefined>(
    me?.user.unitKind === 'station' ? me.user.unitId : undefined,
  );
  const [mine, setMine] = useState(false);
  const [version, setVersion] = useState(0);
  const year = selected.year();
  const month = selected.month() + 1;
  const cal = useAsync(
    (signal) => foodTiersApi.calendar({ stationId, year, month, mine: mine || undefined }, { signal }),
    ['food', 'plan-calendar', stationId, year, month, mine, version],
  );
  const day = selected.format(ISO);
  const dayList = useAsync(
    (signal) => foodTiersApi.day({ stationId, day, mine: mine || undefined }, { signal }),
    ['food', 'plan-day', stationId, day, mine, version],
  );
  const summary = useAsync(
    (signal) => foodTiersApi.summary({ stationId, year }, { signal }),
    ['food', 'plan-summary', stationId, year, version],
  );
  const byDay = useMemo(() => new Map((cal.data?.days ?? []).map((d) => [d.day, d])), [cal.data]);

  const generate = async () => {
    if (!stationId) {
      message.warning(t('foodPlan.pickStation'));
      return;
    }
    try {
      const r = await foodTiersApi.generate(stationId, year);
      message.success(t('foodPlan.generated', { ...r, seconds: r.seconds.toFixed(1) }));
      setVersion((v) => v + 1);
    } catch (err) {
      message.error(errorDetail(t, err));
    }
  };

  return (
    <>
      <PageHeader
        title={t('foodPlan.title')}
        extra={
          can('food:write') && (
            <Button type="primary" onClick={generate} data-testid="food-plan-generate">
              {t('foodPlan.generate')}
            </Button>
          )
        }
      />
      <Flex gap={12} wrap style={{ marginBottom: 12 }} align="center">
        <Select
          allowClear
          options={stations}
          value={stationId}
          onChange={setStationId}
          placeholder={t('foodTiers.allStations')}
          style={{ minWidth: 180 }}
        />
        <Checkbox checked={mine} onChange={(e) => setMine(e.target.checked)}>
          {t('foodPlan.mine')}
        </Checkbox>
        <Space wrap data-testid="food-plan-summary">
          <span>{t('foodPlan.total', { n: summary.data?.byTier.reduce((n, x) => n + x.n, 0) ?? 0 })}</span>
          {summary.data?.byTier.map((x) => (
            <Tag key={x.tier}>{`${x.tier}: ${x.n}`}</Tag>
          ))}
        </Space>
      </Flex>
      <Flex gap={12} wrap align="flex-start">
        <Card size="small" style={{ flex: '2 1 480px' }}>
          <Calendar
            value={selected}
            onSelect={(d) => {
              setSelected(d);
              setParams({ day: d.format(ISO) }, { replace: true });
            }}
            cellRender={(d, info) => {
              if (info.type !== 'date') return info.originNode;
              const c = byDay.get(d.format(ISO));
              return c ? (
                <div data-plan-day={d.format(ISO)}>
                  <Badge count={c.n} color={c.fullScope ? 'orange' : 'blue'} overflowCount={999} />
                </div>
              ) : null;
            }}
          />
        </Card>
        <Card
          size="small"
          style={{ flex: '1 1 320px' }}
          title={t('foodPlan.dayList', { day })}
          data-testid="food-plan-day"
        >
          <List
            loading={dayList.loading}
            dataSource={dayList.data?.items ?? []}
            renderItem={(r) => (
              <List.Item>
                <Space wrap>
                  <TierTag tier={r.tier} />
                  <Link to={`/food/inspections/${r.id}`} data-testid={`plan-visit-${r.id}`}>
                    {r.entityName}
                  </Link>
                  {r.fullScope && <Tag color="orange">{t('foodPlan.fullScope')}</Tag>}
                  <Tag>{t(`foodPlan.status.${r.status}` as MessageKey)}</Tag>
                  <span>{r.inspectorName ?? '—'}</span>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      </Flex>
    </>
  );
}
