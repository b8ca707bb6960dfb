import { App, Button, Card, Form, Input, Popconfirm, Space, Table, Tag } from 'antd';
import type { TBatch, TListing } from '../../../../src/contracts/credit.ts';
import { shanghaiToday } from '../../../../src/domain/shanghai-date.ts';
import { creditApi, type TDecision } from '../../api/credit.ts';
import { toApiError } from '../../api/errors.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { useKeysetList } from '../../lib/use-keyset-list.ts';
import { creditListLabels, fileUrl, listingKey, statusLabels } from './credit-labels.ts';
import { listingEntityColumns } from './listing-columns.tsx';

/** Review of one proposed batch: the entities (one can be taken out), then the decision that lists the rest. */
export function BatchReview({ batch, onChanged }: { batch: TBatch; onChanged: (b: TBatch) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<TDecision>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const fetchPage = (cursor?: string, signal?: AbortSignal) =>
    creditApi.listings({ batchId: batch.id, cursor }, { signal });
  const items = useKeysetList(fetchPage, listingKey, queryKeys.credit.listings({ batchId: batch.id }));
  const open = batch.status === 'proposed';

  const takeOut = async (l: TListing) => {
    try {
      items.replaceItem(await creditApi.discardListing(l.id, { reason: '审核剔除', version: l.version }));
      onChanged({ ...batch, itemCount: batch.itemCount - 1 });
    } catch (err) {
      message.error(toApiError(err).detail);
    }
  };
  const approve = () =>
    submit(async (v) => {
      const next = await creditApi.approve(batch.id, { ...v, version: batch.version });
      message.success(`已作出列入决定：${next.decisionNo}`);
      // The parent re-mounts this card for the new version, which reloads the items.
      onChanged(next);
    });
  const discard = async () => {
    try {
      onChanged(await creditApi.discardBatch(batch.id, { reason: '经审核整批不予列入', version: batch.version }));
    } catch (err) {
      message.error(toApiError(err).detail);
    }
  };

  return (
    <Card
      title={`批次 #${batch.id} · 拟列入${creditListLabels[batch.list]} · ${batch.groundLabel}${batch.reportYear ? `（${batch.reportYear}年度）` : ''}`}
      extra={<Tag data-testid="batch-status">{statusLabels[batch.status] ?? batch.status}</Tag>}
      data-testid="batch-review"
    >
      <Table<TListing>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items.items}
        loading={items.loading}
        columns={[
          ...listingEntityColumns,
          { title: '状态', dataIndex: 'status', render: (s: string) => <Tag>{statusLabels[s] ?? s}</Tag> },
          {
            title: '',
            key: 'a',
            render: (_, l) =>
              open && l.status === 'proposed' ? (
                <Button size="small" onClick={() => takeOut(l)}>
                  剔除
                </Button>
              ) : null,
          },
        ]}
        data-testid="batch-items"
      />
      <LoadMore
        hasMore={items.hasMore}
        loading={items.loading}
        count={items.items.length}
        onLoadMore={items.loadMore}
      />
      {open ? (
        <>
          <FormAlert failure={failure} />
          <Form<TDecision>
            form={form}
            layout="inline"
            initialValues={{ decidedOn: shanghaiToday() }}
            style={{ marginTop: 16, rowGap: 8 }}
          >
            <Form.Item name="decisionNo" label="决定书文号" rules={[{ required: true, min: 2, message: '请填写文号' }]}>
              <Input style={{ width: 220 }} data-testid="decision-no" />
            </Form.Item>
            <Form.Item name="reason" label="理由" rules={[{ required: true, min: 2, message: '请填写理由' }]}>
              <Input style={{ width: 320 }} data-testid="decision-reason" />
            </Form.Item>
            <Form.Item
              name="decidedOn"
              label="决定日期"
              rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: '格式 YYYY-MM-DD' }]}
            >
              <Input style={{ width: 130 }} data-testid="decision-date" />
            </Form.Item>
            <Space>
              <Button type="primary" loading={submitting} onClick={approve} data-testid="batch-approve">
                审核通过，作出列入决定
              </Button>
              <Popconfirm title="整批不予列入？" onConfirm={discard}>
                <Button danger>整批不予列入</Button>
              </Popconfirm>
            </Space>
          </Form>
        </>
      ) : (
        batch.documentFileId && (
          <a href={fileUrl(batch.documentFileId)} target="_blank" rel="noreferrer" data-testid="batch-document">
            下载决定书（{batch.decisionNo}）
          </a>
        )
      )}
    </Card>
  );
}
