import { Button, Table } from 'antd';
import { Link } from 'react-router';
import type { TSample } from '../../../../../src/contracts/food-sampling.ts';
import { samplingApi } from '../../../api/food-sampling.ts';
import { useAuth } from '../../../auth/auth-context.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useAsync } from '../../../lib/use-async.ts';
import { categoryLabel, conclusionTag, statusLabel } from './sampling-labels.tsx';

/** The 抽检 tab of a food business's 档案: its latest batches, and 登记抽样 with the business already chosen. */
export function BusinessSamplesCard({ businessId }: { businessId: number }) {
  const t = useT();
  const canWrite = useAuth().can('food:write');
  const state = useAsync(
    (signal) => samplingApi.samples({ businessId }, { signal }),
    ['food', 'sampling', 'samples', { businessId }],
  );
  return (
    <Table<TSample>
      rowKey="id"
      size="small"
      loading={state.loading}
      pagination={false}
      dataSource={state.data?.items ?? []}
      title={() =>
        canWrite && (
          <Link to={`/food/sampling/samples?new=${businessId}`}>
            <Button type="primary" data-testid="business-sample-new">
              {t('foodSampling.samples.new')}
            </Button>
          </Link>
        )
      }
      data-testid="business-samples"
      columns={[
        {
          title: t('foodSampling.sampleNo'),
          dataIndex: 'sampleNo',
          render: (n: string, r) => <Link to={`/food/sampling/samples/${r.id}`}>{n}</Link>,
        },
        { title: t('foodSampling.foodName'), dataIndex: 'foodName' },
        { title: t('foodSampling.category'), dataIndex: 'foodCategory', render: (c: string) => categoryLabel(t, c) },
        { title: t('foodSampling.sampledOn'), dataIndex: 'sampledOn' },
        { title: t('foodSampling.status'), dataIndex: 'status', render: (s: string) => statusLabel(t, s) },
        {
          title: t('foodSampling.conclusion'),
          dataIndex: 'conclusion',
          render: (_, r) => conclusionTag(t, r.retestConclusion ?? r.conclusion),
        },
      ]}
    />
  );
}
