import { App, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TVisitSummary } from '../../../../src/contracts/spot-checks.ts';
import { toApiError } from '../../api/errors.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { spotChecksApi } from '../../api/spot-checks.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useAsync } from '../../lib/use-async.ts';

const download = (name: string, data: unknown) => {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  URL.revokeObjectURL(url);
};

/** A task: its items, the verifiable draw (pool hash, commitment, seed after the draw, proof) and its visits. */
export function TaskDetailPage() {
  const id = Number(useParams().id);
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const task = useAsync((signal) => spotChecksApi.task(id, { signal }), queryKeys.spotChecks.task(id));
  const visits = useAsync(
    (signal) => spotChecksApi.visits({ taskId: id, limit: 200 }, { signal }),
    queryKeys.spotChecks.visits({ taskId: id, limit: 200 }),
  );
  const [busy, setBusy] = useState(false);
  const t = task.data;
  const act = async (action: 'freeze' | 'draw') => {
    if (!t) return;
    setBusy(true);
    try {
      task.setData(() => undefined);
      await spotChecksApi.transitionTask(id, action, t.version);
      message.success(action === 'freeze' ? '名录库已冻结，承诺值已公布' : '抽取完成，种子已公开');
    } catch (err) {
      modal.error({ title: '操作未完成', content: toApiError(err).detail });
    } finally {
      setBusy(false);
      task.reload();
      visits.reload();
    }
  };
  const proof = async () => {
    if (t?.draw) download(`draw-${t.draw.id}-proof.json`, await spotChecksApi.proof(t.draw.id));
  };
  return (
    <>
      <PageHeader
        title={t ? `抽查任务：${t.name}` : '抽查任务'}
        extra={
          t &&
          can('spotcheck:write') && (
            <Space>
              {t.status === 'draft' && (
                <Button type="primary" loading={busy} onClick={() => act('freeze')} data-testid="task-freeze">
                  冻结名录库并公布承诺值
                </Button>
              )}
              {t.status === 'frozen' && (
                <Button type="primary" loading={busy} onClick={() => act('draw')} data-testid="task-draw">
                  抽取
                </Button>
              )}
            </Space>
          )
        }
      />
      {task.error && <LoadError error={task.error} onRetry={task.reload} />}
      {t && (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label="状态">
                <Tag data-testid="task-status">{t.statusLabel}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label="计划">{t.planName}</Descriptions.Item>
              <Descriptions.Item label="名录库">{t.poolName}</Descriptions.Item>
              <Descriptions.Item label="抽查比例">{`A ${t.ratios.A}% · B ${t.ratios.B}% · C ${t.ratios.C}% · D ${t.ratios.D}%`}</Descriptions.Item>
              <Descriptions.Item label="事项">
                {t.items.map((i) => `${i.name}（${i.departmentName}）`).join('；')}
              </Descriptions.Item>
              <Descriptions.Item label="检查人员">{`每户 ${t.inspectorsPerVisit} 人${t.avoidOwnStation ? '，回避本所' : ''}`}</Descriptions.Item>
            </Descriptions>
          </Card>
          {t.draw && (
            <Card
              size="small"
              title="可验证抽取"
              style={{ marginBottom: 16 }}
              extra={
                t.draw.seed && (
                  <Button onClick={proof} data-testid="proof-download">
                    下载抽取证明（JSON）
                  </Button>
                )
              }
            >
              <Descriptions size="small" column={1}>
                <Descriptions.Item label="算法">{t.draw.algorithm}</Descriptions.Item>
                <Descriptions.Item label="名录库">{`${t.draw.poolSize} 户（A ${t.draw.classCounts.A ?? 0} / B ${t.draw.classCounts.B ?? 0} / C ${t.draw.classCounts.C ?? 0} / D ${t.draw.classCounts.D ?? 0}；其中未分类 ${t.draw.unclassifiedCount} 户按 B 类计）`}</Descriptions.Item>
                <Descriptions.Item label="名录库哈希">
                  <Typography.Text code copyable>
                    {t.draw.poolHash}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label="承诺值 sha256(种子)">
                  <Typography.Text code copyable>
                    {t.draw.commitment}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label="种子">
                  {t.draw.seed ? (
                    <Typography.Text code copyable data-testid="draw-seed">
                      {t.draw.seed}
                    </Typography.Text>
                  ) : (
                    '抽取后公开'
                  )}
                </Descriptions.Item>
                <Descriptions.Item label="抽中">{t.draw.drawnCount ?? '—'}</Descriptions.Item>
              </Descriptions>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                任何人可用 <code>npx shijian verify-draw proof.json</code>{' '}
                复核：由种子、名录库和比例重新计算，与公布结果比对。
              </Typography.Paragraph>
            </Card>
          )}
          <Card size="small" title={`检查（${t.visitCount} 户）`}>
            <Table<TVisitSummary>
              rowKey="id"
              size="small"
              loading={visits.loading}
              dataSource={visits.data?.items ?? []}
              columns={[
                {
                  title: '市场主体',
                  dataIndex: 'entityName',
                  render: (n: string, v) => <Link to={`/spot-checks/visits/${v.id}`}>{n}</Link>,
                },
                { title: '管辖所', dataIndex: 'stationName' },
                {
                  title: '检查人员',
                  key: 'inspectors',
                  render: (_, v) => v.inspectors.map((i) => `${i.name}（${i.departmentName}）`).join('、'),
                },
                {
                  title: '状态',
                  dataIndex: 'statusLabel',
                  render: (s: string, v) => (
                    <Tag color={v.overdue ? 'red' : undefined}>
                      {s}
                      {v.overdue ? '·超期' : ''}
                    </Tag>
                  ),
                },
              ]}
            />
          </Card>
        </>
      )}
    </>
  );
}
