import { App, Button, Card, Descriptions, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TVisitSummary } from '../../../../src/contracts/spot-checks.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { spotChecksApi } from '../../api/spot-checks.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { errorDetail, LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { StatusTag } from '../../components/status-tag.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { useKeysetList } from '../../lib/use-keyset-list.ts';

const download = (name: string, data: unknown) => {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  URL.revokeObjectURL(url);
};

const visitKey = (v: TVisitSummary) => v.id;

/** A task: its items, the verifiable draw (pool hash, commitment, seed after the draw, proof) and its visits. */
export function TaskDetailPage() {
  const t = useT();
  const id = Number(useParams().id);
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const task = useAsync((signal) => spotChecksApi.task(id, { signal }), queryKeys.spotChecks.task(id));
  // A task's visits page with a cursor and no count: "load more".
  const visits = useKeysetList(
    (cursor?: string, signal?: AbortSignal) => spotChecksApi.visits({ taskId: id, cursor, limit: 100 }, { signal }),
    visitKey,
    queryKeys.spotChecks.visits({ taskId: id, limit: 100 }),
  );
  const visitColumns = useMemo<TableColumnsType<TVisitSummary>>(
    () => [
      {
        title: t('spot.entity'),
        dataIndex: 'entityName',
        render: (n: string, v) => <Link to={`/spot-checks/visits/${v.id}`}>{n}</Link>,
      },
      { title: t('spot.station'), dataIndex: 'stationName' },
      {
        title: t('spot.inspectors'),
        key: 'inspectors',
        render: (_, v) =>
          v.inspectors
            .map((i) => t('spot.withDepartment', { name: i.name, department: i.departmentName }))
            .join(t('spot.nameSep')),
      },
      {
        title: t('spot.status'),
        dataIndex: 'status',
        render: (status: string, v) => (
          <Space size={4}>
            <StatusTag workflow="spotCheckVisit" status={status} />
            {v.overdue && <Tag color="red">{t('spot.overdue')}</Tag>}
          </Space>
        ),
      },
    ],
    [t],
  );
  const [busy, setBusy] = useState(false);
  const data = task.data;
  const act = async (action: 'freeze' | 'draw') => {
    if (!data) return;
    setBusy(true);
    try {
      task.setData(() => undefined);
      await spotChecksApi.transitionTask(id, action, data.version);
      message.success(t(action === 'freeze' ? 'spot.task.frozenDone' : 'spot.task.drawDone'));
    } catch (err) {
      modal.error({ title: t('spot.actionFailed'), content: errorDetail(t, err) });
    } finally {
      setBusy(false);
      task.reload();
      visits.reload();
    }
  };
  const proof = async () => {
    if (data?.draw) download(`draw-${data.draw.id}-proof.json`, await spotChecksApi.proof(data.draw.id));
  };
  return (
    <>
      <PageHeader
        crumb={data?.name}
        title={data ? t('spot.task.titleNamed', { name: data.name }) : t('spot.task.title')}
        extra={
          data &&
          can('spotcheck:write') && (
            <Space>
              {data.status === 'draft' && (
                <Button type="primary" loading={busy} onClick={() => act('freeze')} data-testid="task-freeze">
                  {t('spot.action.freeze')}
                </Button>
              )}
              {data.status === 'frozen' && (
                <Button type="primary" loading={busy} onClick={() => act('draw')} data-testid="task-draw">
                  {t('spot.action.draw')}
                </Button>
              )}
            </Space>
          )
        }
      />
      {task.error && <LoadError error={task.error} onRetry={task.reload} />}
      {data && (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('spot.status')}>
                <StatusTag workflow="spotCheckTask" status={data.status} data-testid="task-status" />
              </Descriptions.Item>
              <Descriptions.Item label={t('spot.plan.name')}>{data.planName}</Descriptions.Item>
              <Descriptions.Item label={t('spot.task.pool')}>{data.poolName}</Descriptions.Item>
              <Descriptions.Item label={t('spot.task.ratios')}>
                {`A ${data.ratios.A}% · B ${data.ratios.B}% · C ${data.ratios.C}% · D ${data.ratios.D}%`}
              </Descriptions.Item>
              <Descriptions.Item label={t('spot.task.items')}>
                {data.items
                  .map((i) => t('spot.withDepartment', { name: i.name, department: i.departmentName }))
                  .join(t('spot.listSep'))}
              </Descriptions.Item>
              <Descriptions.Item label={t('spot.inspectors')}>
                {t('spot.task.perVisit', { count: data.inspectorsPerVisit })}
                {data.avoidOwnStation ? t('spot.task.avoidOwn') : ''}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          {data.draw && (
            <Card
              size="small"
              title={t('spot.draw.title')}
              style={{ marginBottom: 16 }}
              extra={
                data.draw.seed && (
                  <Button onClick={proof} data-testid="proof-download">
                    {t('spot.draw.proof')}
                  </Button>
                )
              }
            >
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('spot.draw.algorithm')}>{data.draw.algorithm}</Descriptions.Item>
                <Descriptions.Item label={t('spot.task.pool')}>
                  {t('spot.draw.poolText', {
                    size: data.draw.poolSize,
                    A: data.draw.classCounts.A ?? 0,
                    B: data.draw.classCounts.B ?? 0,
                    C: data.draw.classCounts.C ?? 0,
                    D: data.draw.classCounts.D ?? 0,
                    unclassified: data.draw.unclassifiedCount,
                  })}
                </Descriptions.Item>
                <Descriptions.Item label={t('spot.draw.poolHash')}>
                  <Typography.Text code copyable>
                    {data.draw.poolHash}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('spot.draw.commitment')}>
                  <Typography.Text code copyable>
                    {data.draw.commitment}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('spot.draw.seed')}>
                  {data.draw.seed ? (
                    <Typography.Text code copyable data-testid="draw-seed">
                      {data.draw.seed}
                    </Typography.Text>
                  ) : (
                    t('spot.draw.seedLater')
                  )}
                </Descriptions.Item>
                <Descriptions.Item label={t('spot.task.drawn')}>{data.draw.drawnCount ?? '—'}</Descriptions.Item>
              </Descriptions>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                {t('spot.draw.verifyBefore')} <code>npx shijian verify-draw proof.json</code>
                {t('spot.draw.verifyAfter')}
              </Typography.Paragraph>
            </Card>
          )}
          <Card size="small" title={t('spot.task.visits', { count: data.visitCount })}>
            <ListTable<TVisitSummary>
              id="spot-task-visits"
              rowKey="id"
              size="small"
              columns={visitColumns}
              source={{ kind: 'keyset', list: visits }}
            />
          </Card>
        </>
      )}
    </>
  );
}
